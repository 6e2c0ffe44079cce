import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { RunProjectTransition } from '../../apps/api/src/projects/run-transition/run-transition.command.js';
import { type ApiHarness, FakeClock, startApi } from '../support/api-harness.js';
import { SCHOOL_UAI, educationIntention } from '../support/demo-fixtures.js';

describe('Idempotency-Key, handled once for every command', () => {
  let api: ApiHarness;
  let holder: string;
  let id: string;
  const head = async () => (await (api.app.get(EVENT_STORE) as EventStore).headPosition()).toString();
  const post = (path: string, key: string, body: unknown = {}) =>
    api.request('POST', path, { token: holder, body, headers: { 'idempotency-key': key } });

  beforeAll(async () => {
    api = await startApi();
    holder = await api.token({ role: 'holder', sub: 'holder-idempotency' });
    const declared = await post('/projects', 'declare-1', educationIntention('Une fresque collective'));
    expect(declared.status).toBe(201);
    id = declared.body.projectId;
  });
  afterAll(async () => {
    await api.close();
  });

  it('a retry with the same key and body answers the first outcome and writes nothing', async () => {
    const first = await post(`/projects/${id}/start_drafting`, 'draft-1');
    expect(first.status).toBe(200);
    const before = await head();
    const again = await post(`/projects/${id}/start_drafting`, 'draft-1');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, events: ['project.drafting_started'], revision: first.body.revision });
    expect(await head()).toBe(before);
    const redeclared = await post('/projects', 'declare-1', educationIntention('Une fresque collective'));
    expect(redeclared.body).toMatchObject({ projectId: id, replayed: true });
  });

  it('the same key on another command is a 409 that writes nothing: a client never believes its withdraw happened', async () => {
    const before = await head();
    const reused = await post(`/projects/${id}/withdraw`, 'draft-1', { reason: 'Le projet ne se fera pas' });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', firstCommand: 'project.start_drafting' });
    expect(reused.body.detail).toContain('Idempotency-Key');
    expect(await head()).toBe(before);
    expect((await api.request('GET', `/projects/${id}`, { token: holder })).body.status).toBe('drafting');
  });

  it('the same key with another body is refused too', async () => {
    const edited = await api.request('PATCH', `/projects/${id}`, {
      token: holder,
      body: { title: 'Une fresque' },
      headers: { 'idempotency-key': 'edit-1' },
    });
    expect(edited.status).toBe(200);
    const other = await api.request('PATCH', `/projects/${id}`, {
      token: holder,
      body: { title: 'Autre' },
      headers: { 'idempotency-key': 'edit-1' },
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a retry with If-Match is answered with the first outcome, not refused as stale (its first run moved the revision)', async () => {
    const rev = (await api.request('GET', `/projects/${id}`, { token: holder })).body.revision as string;
    const send = () =>
      api.request('PATCH', `/projects/${id}`, {
        token: holder,
        body: { description: 'Avec la commune' },
        headers: { 'idempotency-key': 'edit-if-match', 'if-match': `"${rev}"` },
      });
    const first = await send();
    expect(first.status).toBe(200);
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, revision: first.body.revision });
  });

  it('the same request sent twice at once is written once, and both are answered with its outcome', async () => {
    // A clock that moves on every read: the two runs decide events that differ in their time, under the same ids.
    const ticking = new (class extends FakeClock {
      override now(): Date {
        this.advance(1);
        return super.now();
      }
    })();
    const racing = await startApi({}, undefined, ticking);
    try {
      const token = await racing.token({ role: 'holder', sub: 'holder-race' });
      const send = (path: string, body: unknown = {}, key = 'race-1') =>
        racing.request('POST', path, { token, body, headers: { 'idempotency-key': key } });
      const declared = await send('/projects', educationIntention('Un potager'), 'declare-potager');
      const store = racing.app.get(EVENT_STORE) as EventStore;
      const before = await store.headPosition();
      // Through the bus, as a process sends it: three runs read the stream before any of them appends.
      const bus = racing.app.get(CommandBus);
      const meta = {
        // As the directory resolves it: the declaration registered the school, its declarant its member.
        principal: { id: 'holder-race', role: 'holder' as const, scope: {}, organisations: [SCHOOL_UAI] },
        idempotencyKey: 'race-1',
        correlationId: 'c',
        causationId: 'c',
      };
      const run = () => bus.execute(new RunProjectTransition(declared.body.projectId, { type: 'start_drafting' }, meta));
      const outcomes = await Promise.all([run(), run(), run()]);
      expect(outcomes.map((o) => [o.status, o.revision])).toEqual([
        ['drafting', 1n],
        ['drafting', 1n],
        ['drafting', 1n],
      ]);
      expect(outcomes.filter((o) => o.replayed)).toHaveLength(2);
      // One drafting event on the project (and the key's claim beside it): written once.
      const written = (await store.readAll({ fromPosition: before + 1n })).map((e) => e.type);
      expect(written.sort()).toEqual(['idempotency.key_claimed', 'project.drafting_started']);
    } finally {
      await racing.close();
    }
  });

  it('a key used on one project is refused on another, and by another body for a new project: nothing is written', async () => {
    const second = await post('/projects', 'declare-3', educationIntention('Une fresque de cour'));
    const before = await head();
    const elsewhere = await post(`/projects/${second.body.projectId}/start_drafting`, 'draft-1');
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', firstCommand: 'project.start_drafting' });
    const otherId = await post('/projects', 'declare-3', { ...educationIntention('Une fresque de cour'), projectId: crypto.randomUUID() });
    expect(otherId.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await head()).toBe(before);
  });

  it('every event carries the one metadata shape: actor, role, scope, time, correlation, causation, replica, command', async () => {
    const events = await (api.app.get(EVENT_STORE) as EventStore).readStream(`project-${id}`);
    for (const e of events) {
      expect(Object.keys(e.metadata).sort()).toEqual([
        'actorId',
        'causationId',
        'command',
        'correlationId',
        'fingerprint',
        'idempotencyKey',
        'occurredAt',
        'replica',
        'role',
        'scope',
      ]);
      expect(e.metadata).toMatchObject({ actorId: 'holder-idempotency', role: 'holder', replica: 'main' });
    }
  });
});
