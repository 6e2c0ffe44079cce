import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { EVENT_STORE, type EventStore } from '#event-store';
import { awardedProject } from '../support/awarded-project.js';
import { type Actors, actors, envelopeCommand, key, transition, validatedEducationProject } from './funding-flow.js';
import { communePaysForSchool, signedAwardAct } from './award-flow.js';

/** A multi-year envelope of Nancy-Metz: each commitment is the EJ of its own project's signed act (one EJ per act). */
const NANCY_METZ = 'fip-academie-12-2023-2024';
const PERIOD = { fromYear: 2023, toYear: 2024 };
const COUNT = 70;

describe('GET /envelopes/:id lists the first commitments; GET /envelopes/:id/commitments pages the rest', () => {
  let api: ApiHarness;
  let a: Actors;
  let projects: string[];
  let project: string;
  let retried: string;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    const opened = await envelopeCommand(api, a.admin, '/envelopes', {
      fund: 'fip',
      territoryCode: 'academie-12',
      period: { fromYear: 2023, toYear: 2024 },
    });
    expect(opened.status).toBe(201);
    expect((await envelopeCommand(api, a.admin, `/envelopes/${NANCY_METZ}/notify`, { ae: '100000.00', cp: '50000.00' })).status).toBe(200);
    // The retry test's project, declared through the API first (its holder registers the school).
    retried = await validatedEducationProject(api, a, 100, 100, 'Projet retenté');
    await communePaysForSchool(api, a);
    await signedAwardAct(api, a, retried, { envelopeId: NANCY_METZ });
    // 70 validated projects with their signed acts, written through the deciders (the API's handlers would write the same).
    projects = Array.from({ length: COUNT }, (_, i) => `page-project-${String(i).padStart(3, '0')}`);
    const store = api.app.get<EventStore>(EVENT_STORE);
    for (const id of projects) await awardedProject(store, id, NANCY_METZ, PERIOD, api.clock.now());
    for (const [i, id] of projects.entries()) {
      const res = await commit(id, `2103${String(i).padStart(6, '0')}`, key('page'));
      expect(res.status).toBe(200);
    }
    project = projects[0]!;
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  const commit = (projectId: string, ejNumber: string, idempotencyKey: string) =>
    envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ}/commit`, { projectId, ejNumber, amount: '1.00' }, idempotencyKey);
  const refOf = (projectId: string) => `AA-${projectId}-1`;
  const get = (path: string, token = a.finance) => api.request('GET', path, { token });

  it('answers a bounded envelope: its totals count every commitment, its list the first 50, in the order they were made', async () => {
    const res = await get(`/envelopes/${NANCY_METZ}`);
    expect(res.status).toBe(200);
    expect(res.body.commitments).toMatchObject({ count: COUNT, committedCents: COUNT * 100 });
    expect(res.body.commitmentList).toHaveLength(50);
    expect(res.body.commitmentList[0]).toMatchObject({ commitmentRef: refOf(project), projectId: project, committedCents: 100 });
    expect(res.body.commitmentList[49].commitmentRef).toBe(refOf(projects[49]!));
    expect(res.body.commitmentsNextFrom).toBe('50');
    expect(res.headers.get('etag')).toBe(`"${res.body.revision}"`);
  });

  it('pages the commitments from `nextFrom` to the end, with the total and the revision', async () => {
    const first = await get(`/envelopes/${NANCY_METZ}/commitments?limit=30`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ envelopeId: NANCY_METZ, total: COUNT, nextFrom: '30' });
    const rest = await get(`/envelopes/${NANCY_METZ}/commitments?from=${first.body.nextFrom}&limit=500`);
    expect(rest.body.nextFrom).toBeNull();
    const refs = [...first.body.commitments, ...rest.body.commitments].map((c: { commitmentRef: string }) => c.commitmentRef);
    expect(refs).toEqual(projects.map(refOf));
    expect((await get(`/envelopes/${NANCY_METZ}/commitments?from=${COUNT}`)).body).toMatchObject({ commitments: [], nextFrom: null });
    const then = await get(`/envelopes/${NANCY_METZ}/commitments?asOf=${first.body.position}&limit=5`);
    expect(then.body).toMatchObject({ total: COUNT, nextFrom: '5', asOf: first.body.position });
  });

  it('refuses a bad page (400 naming from or limit), a foreign finance officer (403) and an unknown envelope (404)', async () => {
    for (const q of ['from=-1', 'from=abc', 'limit=0', 'limit=501', 'limit=2.5']) {
      const res = await get(`/envelopes/${NANCY_METZ}/commitments?${q}`);
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, q.split('=')[0]]);
    }
    expect((await get(`/envelopes/${NANCY_METZ}/commitments`, a.lilleFinance)).status).toBe(403);
    expect((await get('/envelopes/fip-academie-12-2031/commitments')).status).toBe(404);
  });

  it('answers a retried commitment with its first outcome, even after its project moved on', async () => {
    const k = key('retry');
    const first = await commit(retried, '2103999001', k);
    expect(first.status).toBe(200);
    await transition(api, a.holder, retried, 'withdraw', { reason: 'Projet abandonné par son porteur' });
    const again = await commit(retried, '2103999001', k);
    expect([again.status, again.body.replayed, again.body.position]).toEqual([200, true, first.body.position]);
    expect((await commit(retried, '2103999002', key('after'))).body.code).toBe('ENVELOPE_PROJECT_NOT_COMMITTABLE');
  });
});
