import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Actor, eventIdFor } from '#kernel';
import { type EventStore, SqliteEventStore, handleCommand } from '#event-store';
import { type ProjectCommand, projectDecider, streamIdOf } from '#projects';
import { DEADLINE_SCHEDULER_ACTOR, DeadlineRunner } from './deadline.runner.js';
import type { PendingDeadline } from './deadline.scheduler.js';

/** Friday 20 October 2023 in Meuse (zone B): Toussaint suspends the count; due Tuesday 5 December, reminded 7 days before. */
const ASKED = Date.parse('2023-10-20T12:00:00.000Z');
const REMIND = Date.parse('2023-11-28T23:00:00.000Z');
const DUE = Date.parse('2023-12-05T23:00:00.000Z');
const FRENCH_REASON = 'Délai de complément dépassé : dossier classé sans suite';
const holder: Actor = { id: 'holder-1', role: 'holder', scope: {}, organisations: ['0550001C'] };
const validator: Actor = { id: 'val-edu', role: 'validator', scope: { academies: ['12'] } };

let now = ASKED;
let dir: string;
const open: { close(): Promise<void> }[] = [];
const track = <T extends { close(): Promise<void> }>(x: T): T => (open.push(x), x);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'refonda-reminders-'));
  now = ASKED;
});
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the application's system commands do: the deadline id (and the command) derive the event ids. */
const systemCommand =
  (store: EventStore, type: 'expire_deadline' | 'remind_deadline', at: (d: PendingDeadline) => string) => async (d: PendingDeadline) => {
    const result = await handleCommand({
      store,
      streamId: d.streamId,
      decider: projectDecider,
      retries: 5,
      metadata: { actorId: DEADLINE_SCHEDULER_ACTOR.id },
      command: { type, projectId: d.projectId, deadlineId: d.deadlineId, ctx: { actor: DEADLINE_SCHEDULER_ACTOR, now: new Date(at(d)) } },
      eventId: (i) => eventIdFor(d.deadlineId, i, type === 'expire_deadline' ? 'deadline' : 'reminder'),
    });
    return result.events.length;
  };
const runnerOn = (store: EventStore) =>
  track(
    new DeadlineRunner({
      store,
      checkpointPath: join(dir, 'deadlines.sqlite'),
      clock: () => new Date(now),
      pollIntervalMs: 0,
      expire: systemCommand(store, 'expire_deadline', (d) => d.dueAt),
      remind: systemCommand(store, 'remind_deadline', (d) => d.remindAt!),
    }),
  ).start();

async function run(store: EventStore, command: Record<string, unknown>, actor: Actor) {
  const full = { ...command, projectId: 'p-1', ctx: { actor, now: new Date(now) } } as ProjectCommand;
  await handleCommand({ store, streamId: streamIdOf('p-1'), decider: projectDecider, command: full, metadata: { actorId: actor.id } });
}
async function sendBackForCompletion(store: EventStore) {
  const territory = { region: '44', departement: '55', academie: '12' };
  const holderOrg = { organisationId: '0550001C', name: 'École' };
  await run(
    store,
    { type: 'declare_intention', program: 'education', title: 'Un jardin', description: 'Concertation', territory, holder: holderOrg },
    holder,
  );
  await run(store, { type: 'start_drafting' }, holder);
  const budget = { requestedAmountCents: 100_000, budgetLines: [{ label: 'Matériel', amountCents: 100_000 }] };
  await run(store, { type: 'edit_content', changes: budget }, holder);
  await run(store, { type: 'submit' }, holder);
  await run(store, { type: 'start_analysis' }, validator);
  await run(store, { type: 'request_completion', reason: 'Devis manquant' }, validator);
}
const eventsOf = async (store: EventStore) => (await store.readStream(streamIdOf('p-1'))).map((e) => ({ type: e.type, data: e.data }));
const count = async (store: EventStore, type: string) => (await eventsOf(store)).filter((e) => e.type === type).length;

describe('deadline reminders (real SQLite store and checkpoint file, fake clock)', () => {
  it('reminds once, 7 days before the lapse, across a restart; then the project lapses with the French reason', async () => {
    const store = track(new SqliteEventStore({ path: join(dir, 'events.sqlite') }));
    const first = runnerOn(store);
    await sendBackForCompletion(store);
    await first.caughtUp();
    expect(first.pending()).toMatchObject([{ remindAt: new Date(REMIND).toISOString(), dueAt: new Date(DUE).toISOString() }]);

    now = REMIND - 1;
    expect(await first.tick()).toEqual([]);
    now = REMIND + 60_000;
    expect((await first.tick()).map((f) => [f.kind, f.outcome])).toEqual([['reminder', 'reminded']]);
    expect(await first.tick()).toEqual([]);
    await first.caughtUp();
    await first.close();

    const restarted = runnerOn(store);
    await restarted.caughtUp();
    expect(restarted.pending()).toMatchObject([{ reminded: true }]);
    expect(await restarted.tick()).toEqual([]);
    expect(await count(store, 'project.deadline_reminder_due')).toBe(1);

    now = DUE;
    expect((await restarted.tick()).map((f) => f.outcome)).toEqual(['expired']);
    const events = await eventsOf(store);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['project.deadline_expired', 'project.lapsed']);
    expect(events.at(-1)!.data).toMatchObject({ to: 'withdrawn', reason: FRENCH_REASON, by: { role: 'system' } });
  });

  it('two runners with their own checkpoint files write the reminder once', async () => {
    const store = track(new SqliteEventStore({ path: join(dir, 'events.sqlite') }));
    const a = runnerOn(store);
    const other = track(
      new DeadlineRunner({
        store,
        checkpointPath: join(dir, 'other.sqlite'),
        clock: () => new Date(now),
        pollIntervalMs: 0,
        expire: systemCommand(store, 'expire_deadline', (d) => d.dueAt),
        remind: systemCommand(store, 'remind_deadline', (d) => d.remindAt!),
      }),
    ).start();
    await sendBackForCompletion(store);
    await Promise.all([a.caughtUp(), other.caughtUp()]);
    now = REMIND;
    const fired = [...(await a.tick()), ...(await other.tick())];
    expect(fired.every((f) => f.outcome !== 'failed')).toBe(true);
    expect(await count(store, 'project.deadline_reminder_due')).toBe(1);
  });

  it('never reminds once the holder has resubmitted (the deadline is cancelled)', async () => {
    const store = track(new SqliteEventStore({ path: join(dir, 'events.sqlite') }));
    const runner = runnerOn(store);
    await sendBackForCompletion(store);
    now = REMIND - 86_400_000;
    await run(store, { type: 'resubmit' }, holder);
    await runner.caughtUp();
    now = REMIND;
    expect(await runner.tick()).toEqual([]);
    expect(await count(store, 'project.deadline_reminder_due')).toBe(0);
  });
});
