import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandContext, eventIdFor } from '#kernel';
import { type EventStore, SqliteEventStore, handleCommand } from '#event-store';
import { type ProjectCommand, isTransitionEvent, projectDecider, streamIdOf } from '#projects';
import { CheckpointAheadOfLogError } from '#consumers';
import { DEADLINE_SCHEDULER_ACTOR, DeadlineRunner } from './deadline.runner.js';
import type { PendingDeadline } from './deadline.scheduler.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T08:00:00.000Z');
/** Asked on Monday 2 March 2026 in Meuse, 30 days: the deadline lapses at the end of Wednesday 1 April, Paris time. */
const DUE = Date.parse('2026-04-01T22:00:00.000Z');
const holder = { id: 'holder-1', role: 'holder' as const, scope: {}, organisations: ['0550001C'] };
const validator = { id: 'val-edu', role: 'validator' as const, scope: { academies: ['12'] } };

/** The fake clock every runner reads; tests move it forward. */
let now = T0;
const clock = () => new Date(now);

let dir: string;
const open: { close(): Promise<void> }[] = [];
const track = <T extends { close(): Promise<void> }>(x: T): T => (open.push(x), x);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refonda-deadlines-'));
  now = T0;
});
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
  rmSync(dir, { recursive: true, force: true });
});

const newStore = () => track(new SqliteEventStore({ path: join(dir, 'events.sqlite') }));
/** What the application's ExpireProjectDeadline command does, on this store: the deadline id derives the event ids. */
const expireOn = (store: EventStore) => async (d: PendingDeadline) => {
  const result = await handleCommand({
    store,
    streamId: d.streamId,
    decider: projectDecider,
    retries: 5,
    metadata: { actorId: DEADLINE_SCHEDULER_ACTOR.id },
    command: {
      type: 'expire_deadline',
      projectId: d.projectId,
      deadlineId: d.deadlineId,
      ctx: { actor: DEADLINE_SCHEDULER_ACTOR, now: new Date(d.dueAt) },
    },
    eventId: (i) => eventIdFor(d.deadlineId, i, 'deadline'),
  });
  return result.events.length;
};
const runnerOn = (store: EventStore, consumer?: string, pollIntervalMs?: number) =>
  new DeadlineRunner({ store, checkpointPath: join(dir, 'deadlines.sqlite'), clock, consumer, pollIntervalMs, expire: expireOn(store) });
const newRunner = (store: EventStore, consumer?: string) => track(runnerOn(store, consumer, 60_000)).start();

const ctx = (actor: CommandContext['actor']): CommandContext => ({ actor, now: clock() });

async function run(
  store: EventStore,
  projectId: string,
  command: Omit<ProjectCommand, 'projectId' | 'ctx'>,
  actor: CommandContext['actor'],
) {
  return handleCommand({
    store,
    streamId: streamIdOf(projectId),
    decider: projectDecider,
    command: { ...command, projectId, ctx: ctx(actor) } as ProjectCommand,
    metadata: { actorId: actor.id },
  });
}

const INTENTION = {
  program: 'education',
  title: 'Un jardin pédagogique',
  description: 'Concertation',
  territory: { region: '44', departement: '55', academie: '12' },
  holder: { organisationId: '0550001C', name: 'École' },
};

/** Declares an education project and sends it back for completion: opens the 30-day deadline. */
async function sendBackForCompletion(store: EventStore, projectId: string) {
  await run(store, projectId, { type: 'declare_intention', ...INTENTION } as never, holder);
  await run(store, projectId, { type: 'start_drafting' } as never, holder);
  await run(
    store,
    projectId,
    {
      type: 'edit_content',
      changes: { requestedAmountCents: 100_000, budgetLines: [{ label: 'Matériel', amountCents: 100_000 }] },
    } as never,
    holder,
  );
  await run(store, projectId, { type: 'submit' } as never, holder);
  await run(store, projectId, { type: 'start_analysis' } as never, validator);
  await run(store, projectId, { type: 'request_completion', reason: 'Devis manquant' } as never, validator);
}

const typesOf = async (store: EventStore, projectId: string) => (await store.readStream(streamIdOf(projectId))).map((e) => e.type);
const statusOf = async (store: EventStore, projectId: string) =>
  (await store.readStream(streamIdOf(projectId))).reduce(
    (s, e) => projectDecider.evolve(s, { type: e.type, data: e.data }),
    projectDecider.initialState(),
  );

describe('DeadlineRunner (real SQLite event store, fake clock)', () => {
  it('fires when the clock passes the due time: the project lapses to withdrawn', async () => {
    const store = newStore();
    const runner = newRunner(store);
    await sendBackForCompletion(store, 'p-1');
    await runner.caughtUp();
    expect(runner.pending()).toMatchObject([
      { deadlineId: 'p-1/completion/1', streamId: 'project-p-1', dueAt: new Date(DUE).toISOString() },
    ]);

    now = DUE - 1;
    expect(await runner.tick()).toEqual([]);
    expect(await typesOf(store, 'p-1')).not.toContain('project.deadline_expired');

    now = DUE + 5_000;
    const fired = await runner.tick();
    expect(fired.map((f) => [f.deadline.deadlineId, f.outcome])).toEqual([['p-1/completion/1', 'expired']]);
    const last = (await store.readStream(streamIdOf('p-1'))).slice(-2);
    expect(last.map((e) => e.type)).toEqual(['project.deadline_expired', 'project.lapsed']);
    expect(last[1]!.data).toMatchObject({
      to: 'withdrawn',
      reason: 'Délai de complément dépassé : dossier classé sans suite',
      by: { role: 'system' },
    });
    expect(await statusOf(store, 'p-1')).toMatchObject({ status: 'withdrawn' });
    await runner.caughtUp();
    expect(runner.pending()).toEqual([]);
    expect(await runner.tick()).toEqual([]);
  });

  it('survives a restart: the checkpoint and the pending deadline are in the SQLite file', async () => {
    let store = newStore();
    const first = newRunner(store);
    await sendBackForCompletion(store, 'p-2');
    await first.caughtUp();
    const checkpoint = first.checkpoint();
    await first.close();
    await store.close();

    now = T0 + 31 * DAY;
    store = newStore();
    const second = runnerOn(store);
    track(second);
    expect(second.checkpoint()).toBe(checkpoint);
    expect(second.pending().map((d) => d.deadlineId)).toEqual(['p-2/completion/1']);
    second.start();
    expect((await second.tick()).map((f) => f.outcome)).toEqual(['expired']);
    expect(await statusOf(store, 'p-2')).toMatchObject({ status: 'withdrawn' });
  });

  it('a runner started after the deadline was opened catches up from the log and fires', async () => {
    const store = newStore();
    await sendBackForCompletion(store, 'p-5');
    now = T0 + 40 * DAY;
    const runner = newRunner(store, 'late');
    await runner.caughtUp();
    expect((await runner.tick()).map((f) => f.outcome)).toEqual(['expired']);
  });

  it('two runners on the same files fire the deadline exactly once', async () => {
    const storeA = newStore();
    const storeB = newStore();
    const a = newRunner(storeA);
    const b = newRunner(storeB);
    await sendBackForCompletion(storeA, 'p-3');
    await Promise.all([a.caughtUp(), b.caughtUp()]);
    expect(b.pending()).toHaveLength(1);

    now = DUE;
    const [firedA, firedB] = await Promise.all([a.tick(), b.tick()]);
    expect([...firedA, ...firedB].every((f) => f.outcome !== 'failed')).toBe(true);
    const types = await typesOf(storeA, 'p-3');
    expect(types.filter((t) => t === 'project.deadline_expired')).toHaveLength(1);
    expect(types.filter((t) => isTransitionEvent({ type: t, data: {} })).length).toBe(5);
    expect(await statusOf(storeB, 'p-3')).toMatchObject({ status: 'withdrawn' });
  });

  it('two runners with distinct checkpoints, one after the other: one expiry in the log', async () => {
    const store = newStore();
    const a = newRunner(store, 'one');
    const b = newRunner(store, 'two');
    await sendBackForCompletion(store, 'p-6');
    await Promise.all([a.caughtUp(), b.caughtUp()]);
    now = DUE;
    expect((await a.tick()).map((f) => f.outcome)).toEqual(['expired']);
    expect((await b.tick()).filter((f) => f.outcome !== 'moot')).toEqual([]);
    expect((await typesOf(store, 'p-6')).filter((t) => t === 'project.deadline_expired')).toHaveLength(1);
  });

  it('a runner restarted after another process fired the deadline finds it moot and forgets it', async () => {
    const store = newStore();
    const first = newRunner(store);
    await sendBackForCompletion(store, 'p-7');
    await first.caughtUp();
    await first.close();
    now = DUE;
    await handleCommand({
      store,
      streamId: streamIdOf('p-7'),
      decider: projectDecider,
      metadata: {},
      command: {
        type: 'expire_deadline',
        projectId: 'p-7',
        deadlineId: 'p-7/completion/1',
        ctx: ctx({ id: 'other', role: 'system', scope: {} }),
      },
    });
    const restarted = track(runnerOn(store));
    expect(restarted.pending()).toHaveLength(1);
    expect((await restarted.tick()).map((f) => f.outcome)).toEqual(['moot']);
    expect(restarted.pending()).toEqual([]);
    expect((await typesOf(store, 'p-7')).filter((t) => t === 'project.deadline_expired')).toHaveLength(1);
  });

  it('with a checkpoint past the head (a log restored without its checkpoint file): stops loudly, fires nothing', async () => {
    const used = newStore();
    const first = newRunner(used);
    await sendBackForCompletion(used, 'p-8');
    await first.caughtUp();
    await first.close();
    await used.close();
    rmSync(join(dir, 'events.sqlite'));
    const restored = newStore();
    await run(restored, 'p-9', { type: 'declare_intention', ...INTENTION } as never, holder);
    const errors: unknown[] = [];
    const runner = track(
      new DeadlineRunner({
        store: restored,
        checkpointPath: join(dir, 'deadlines.sqlite'),
        clock,
        expire: expireOn(restored),
        pollIntervalMs: 0,
        onError: (e) => errors.push(e),
      }),
    ).start();
    await expect(runner.caughtUp()).rejects.toThrow('is past the head of the event log (position 1)');
    expect(errors).toEqual([expect.any(CheckpointAheadOfLogError)]);
    now = T0 + 60 * DAY;
    expect(await runner.tick()).toEqual([]);
    expect(await restored.headPosition()).toBe(1n);
  });

  it('is cancelled by the transition that makes it moot (the holder resubmits)', async () => {
    const store = newStore();
    const runner = newRunner(store);
    await sendBackForCompletion(store, 'p-4');
    await runner.caughtUp();
    expect(runner.pending()).toHaveLength(1);

    now = T0 + 10 * DAY;
    await run(store, 'p-4', { type: 'resubmit' } as never, holder);
    await runner.caughtUp();
    expect(runner.pending()).toEqual([]);

    now = T0 + 60 * DAY;
    expect(await runner.tick()).toEqual([]);
    const types = await typesOf(store, 'p-4');
    expect(types).toContain('project.deadline_cancelled');
    expect(types).not.toContain('project.deadline_expired');
    expect(await statusOf(store, 'p-4')).toMatchObject({ status: 'submitted' });
  });
});
