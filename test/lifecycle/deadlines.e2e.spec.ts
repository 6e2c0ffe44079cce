import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiHarness, FakeClock, startApi } from '../support/api-harness.js';
import { DAY, actors, deadlines, educationUnderAnalysis, eventTypes, ok, read, store } from './lifecycle-flow.js';

const REASON = 'Délai de complément dépassé : dossier classé sans suite';
/**
 * Asked on Friday 1 September 2023 in Meuse: the summer holidays (to Sunday 3) do not count, 30 days from Monday 4 end on
 * Tuesday 3 October, lapsing at its end (Paris); the reminder is due a week before, at the start of Wednesday 27 September.
 */
const DUE_AT = '2023-10-03T22:00:00.000Z';
const count = (types: string[], type: string) => types.filter((t) => t === type).length;

describe('durable deadlines in the API (fake clock, embedded store)', () => {
  const started: ApiHarness[] = [];
  const dirs: string[] = [];
  const boot = async (env: Record<string, string>, dataDir: string, clock: FakeClock) => {
    const api = await startApi(env, dataDir, clock);
    started.push(api);
    return api;
  };
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'refonda-deadlines-api-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const api of started.splice(0).reverse()) await api.close(true).catch(() => undefined);
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('request_completion opens a 30-day deadline, reminded a week before; across a restart the project lapses, once', async () => {
    const clock = new FakeClock();
    const dataDir = newDir();
    let api = await boot({}, dataDir, clock);
    let a = await actors(api);
    const id = await educationUnderAnalysis(api, a);
    await ok(api, a.eduValidator, id, 'request_completion', { reason: 'Budget à détailler' });
    await deadlines(api).tick();
    expect(deadlines(api).pending()).toMatchObject([{ deadlineId: `${id}/completion/1`, dueAt: DUE_AT }]);
    const health = await api.health();
    expect(health.body.details['process.deadlines']).toMatchObject({
      state: 'running',
      pending: 1,
      nextDueAt: DUE_AT,
      lag: 0,
    });
    expect(existsSync(join(dataDir, 'processes-main.sqlite'))).toBe(true);

    // 29 days: not due yet, but the reminder (7 days before the lapse) is, once.
    clock.advance(29 * DAY);
    expect((await deadlines(api).tick()).map((f) => [f.kind, f.outcome])).toEqual([['reminder', 'reminded']]);
    expect(await deadlines(api).tick()).toEqual([]);
    expect(count(await eventTypes(api, id), 'project.deadline_reminder_due')).toBe(1);
    expect((await read(api, a.holder, id)).body.status).toBe('completion_requested');

    await api.close(true);
    clock.advance(4 * DAY);
    api = await boot({}, dataDir, clock);
    a = await actors(api);
    expect(
      deadlines(api)
        .pending()
        .map((d) => d.deadlineId),
    ).toEqual([`${id}/completion/1`]);
    await deadlines(api).tick();
    const project = await read(api, a.holder, id);
    expect(project.body).toMatchObject({
      status: 'withdrawn',
      lastTransition: {
        command: 'lapse',
        from: 'completion_requested',
        to: 'withdrawn',
        reason: REASON,
        by: { id: 'deadline-scheduler', role: 'system' },
      },
    });
    expect(project.body.workflow.deadlines).toEqual([]);
    expect(project.body.actions).toEqual([]);

    // Ticking again, or restarting again, fires nothing more.
    await deadlines(api).tick();
    await api.close(true);
    clock.advance(DAY);
    api = await boot({}, dataDir, clock);
    await deadlines(api).tick();
    const types = await eventTypes(api, id);
    expect(count(types, 'project.deadline_expired')).toBe(1);
    expect(types.slice(-2)).toEqual(['project.deadline_expired', 'project.lapsed']);
    const expiry = (await store(api).readStream(`project-${id}`)).slice(-2);
    expect(expiry[1]).toMatchObject({ type: 'project.lapsed' });
    expect(expiry[1]!.data).toMatchObject({ to: 'withdrawn', reason: REASON, at: DUE_AT });
    expect(count(types, 'project.deadline_reminder_due')).toBe(1);
    expect(expiry[0]!.metadata).toMatchObject({ actorId: 'deadline-scheduler', role: 'system', correlationId: `${id}/completion/1` });
    expect((await api.health()).body.details['process.deadlines']).toMatchObject({ state: 'running', pending: 0, failures: 0 });
  });

  it.each([
    ['two replicas (own checkpoint files)', { REPLICA_ID: 'replica-a' }, { REPLICA_ID: 'replica-b' }],
    ['two instances of one replica (one checkpoint file)', {}, {}],
  ])('%s on the same data dir, ticking concurrently: the timeout runs exactly once', async (_, envA, envB) => {
    const clock = new FakeClock();
    const dataDir = newDir();
    const first = await boot(envA, dataDir, clock);
    const second = await boot(envB, dataDir, clock);
    const a = await actors(first);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await educationUnderAnalysis(i % 2 === 0 ? first : second, a, `Projet ${i}`);
      await ok(i % 2 === 0 ? second : first, a.eduValidator, id, 'request_completion', { reason: 'Pièces manquantes' });
      ids.push(id);
    }
    await Promise.all([deadlines(first).tick(), deadlines(second).tick()]);
    expect(deadlines(first).pending()).toHaveLength(5);
    expect(deadlines(second).pending()).toHaveLength(5);

    clock.advance(33 * DAY);
    const fired = (
      await Promise.all([deadlines(first).tick(), deadlines(second).tick(), deadlines(first).tick(), deadlines(second).tick()])
    ).flat();
    expect(fired.filter((f) => f.outcome === 'failed')).toEqual([]);
    for (const id of ids) {
      const types = await eventTypes(first, id);
      expect(count(types, 'project.deadline_expired')).toBe(1);
      expect(types.at(-1)).toBe('project.lapsed');
      expect(types.slice(1).filter((t) => !t.startsWith('project.deadline_') && t !== 'project.content_edited')).toEqual([
        'project.drafting_started',
        'project.submitted',
        'project.analysis_started',
        'project.completion_requested',
        'project.lapsed',
      ]);
      expect((await read(second, a.holder, id)).body).toMatchObject({ status: 'withdrawn', lastTransition: { reason: REASON } });
    }
    expect(deadlines(first).pending()).toEqual([]);
    expect(deadlines(second).pending()).toEqual([]);
  });

  it('a deadline cancelled by resubmit never fires, even after a restart', async () => {
    const clock = new FakeClock();
    const dataDir = newDir();
    let api = await boot({}, dataDir, clock);
    const a = await actors(api);
    const id = await educationUnderAnalysis(api, a);
    await ok(api, a.eduValidator, id, 'request_completion', { reason: 'Budget à détailler' });
    await deadlines(api).tick();
    expect(deadlines(api).pending()).toHaveLength(1);
    clock.advance(10 * DAY);
    const resubmitted = await ok(api, a.holder, id, 'resubmit');
    expect(resubmitted.body.events).toEqual(['project.resubmitted', 'project.deadline_cancelled']);
    await deadlines(api).tick();
    expect(deadlines(api).pending()).toEqual([]);

    await api.close(true);
    clock.advance(60 * DAY);
    api = await boot({}, dataDir, clock);
    expect(await deadlines(api).tick()).toEqual([]);
    const types = await eventTypes(api, id);
    expect(types).not.toContain('project.deadline_expired');
    expect((await read(api, a.holder, id)).body.status).toBe('submitted');
  });

  it('a second round of completion opens a new deadline, and only that one fires', async () => {
    const clock = new FakeClock();
    const api = await boot({}, newDir(), clock);
    const a = await actors(api);
    const id = await educationUnderAnalysis(api, a);
    await ok(api, a.eduValidator, id, 'request_completion', { reason: 'Premier retour' });
    clock.advance(5 * DAY);
    await ok(api, a.holder, id, 'resubmit');
    await ok(api, a.eduValidator, id, 'start_analysis');
    await ok(api, a.eduValidator, id, 'request_completion', { reason: 'Second retour' });
    clock.advance(29 * DAY);
    // 34 days after the first request, 29 after the second: only the second's reminder is due.
    expect((await deadlines(api).tick()).map((f) => [f.deadline.deadlineId, f.kind, f.outcome])).toEqual([
      [`${id}/completion/2`, 'reminder', 'reminded'],
    ]);
    expect(
      deadlines(api)
        .pending()
        .map((d) => d.deadlineId),
    ).toEqual([`${id}/completion/2`]);
    // Due Friday 6 October (opened on 6 September), it lapses that night.
    clock.advance(2 * DAY);
    expect((await deadlines(api).tick()).map((f) => [f.deadline.deadlineId, f.outcome])).toEqual([[`${id}/completion/2`, 'expired']]);
    expect((await read(api, a.holder, id)).body.status).toBe('withdrawn');
  });

  it('the holder withdrawing cancels the deadline', async () => {
    const clock = new FakeClock();
    const api = await boot({}, newDir(), clock);
    const a = await actors(api);
    const id = await educationUnderAnalysis(api, a);
    await ok(api, a.eduValidator, id, 'request_completion', { reason: 'Budget à détailler' });
    const withdrawn = await ok(api, a.holder, id, 'withdraw', { reason: 'Le projet ne se fera pas cette année' });
    expect(withdrawn.body.events).toEqual(['project.withdrawn', 'project.deadline_cancelled']);
    clock.advance(40 * DAY);
    expect(await deadlines(api).tick()).toEqual([]);
    expect(await eventTypes(api, id)).not.toContain('project.deadline_expired');
  });

  it('a timeout that fails is counted and shown in /health (to an admin), stays pending and is retried; the API stays up', async () => {
    const clock = new FakeClock();
    const api = await boot({}, newDir(), clock);
    // A deadline opened in a stream that holds no project: its timeout cannot run (PROJECT_NOT_FOUND).
    await store(api).appendToStream(
      'project-ghost',
      [
        {
          id: randomUUID(),
          type: 'project.deadline_opened',
          data: {
            deadlineId: 'ghost/completion/1',
            name: 'completion',
            subjectId: 'ghost',
            openedAt: clock.now().toISOString(),
            dueAt: clock.now().toISOString(),
            onExpiry: { command: 'lapse', reason: REASON },
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const fired = await deadlines(api).tick();
    expect(fired.map((f) => f.outcome)).toEqual(['failed']);
    expect(
      deadlines(api)
        .pending()
        .map((d) => d.deadlineId),
    ).toEqual(['ghost/completion/1']);
    const health = await api.health();
    expect(health.status).toBe(200);
    expect(health.body.details['process.deadlines']).toMatchObject({
      state: 'running',
      pending: 1,
      lastError: expect.stringContaining('n’existe pas'),
    });
    expect(health.body.details['process.deadlines'].failures).toBeGreaterThanOrEqual(1);
    expect((await deadlines(api).tick()).map((f) => f.outcome)).toEqual(['failed']);
  });
});
