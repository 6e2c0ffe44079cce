import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { DashboardFlow } from './dashboard-flow.js';

/** The dashboard read models, fed through the real API (commands → log → projections → /dashboard/*). */
describe('dashboard read models', () => {
  let api: ApiHarness;
  let flow: DashboardFlow;
  let last = '0';
  beforeAll(async () => {
    api = await startApi();
    flow = await DashboardFlow.start(api);
    // education (académie 12, Meuse): 8 projects of one school (1 intention), of which 2 stay intentions, 1 drafting,
    // 1 to analyse, 1 to complete, 2 validated (one reopened after a rejection), 1 rejected, 1 financed
    await flow.declare('education', 'Intention A');
    await flow.declare('education', 'Intention B');
    const drafting = await flow.declare('education', 'Brouillon');
    await flow.run(drafting.id, 'start_drafting', {}, flow.holder);
    await flow.deposit('education', 'Déposé, à analyser');
    const toComplete = await flow.deposit('education', 'À compléter');
    await flow.run(toComplete, 'start_analysis');
    await flow.run(toComplete, 'request_completion', { reason: 'Budget détaillé manquant' });
    const v1 = await flow.validated(1_000_000);
    await flow.run(
      v1.id,
      'start_financing',
      { commitmentRef: 'EJ-2023-0001' },
      await api.token({ role: 'finance', scope: { academies: ['12'] } }),
    );
    const reopened = await flow.deposit('education', 'Refusé puis validé');
    await flow.analysed(reopened);
    await flow.decide(reopened, 'reject', { reason: 'Hors cadre' });
    await flow.run(reopened, 'reopen', { reason: 'Recours gracieux' });
    await flow.run(reopened, 'complete_analysis', { reason: 'Recours instruit' });
    await flow.decide(reopened, 'validate', { reason: 'Recours accepté', grantedAmountCents: 250_000 });
    const rejected = await flow.deposit('education', 'Refusé');
    await flow.analysed(rejected);
    await flow.decide(rejected, 'reject', { reason: 'Budget hors plafond' });
    // health (Grand Est, Meuse): 1 intention
    last = (await flow.declare('health', 'MSP du Barrois')).position;
  });
  afterAll(async () => {
    await api.close();
  });

  it('counts the funnel as the CNR dashboards do: cumulative milestones beside current statuses, and the granted amounts', async () => {
    const res = await api.request('GET', `/dashboard/funnel?minPosition=${last}`);
    expect(res.status).toBe(200);
    expect(res.body.programs.education).toEqual({
      intentions: 1,
      drafting: 1,
      deposited: 5,
      to_analyse: 1,
      under_analysis: 0,
      to_complete: 1,
      validated: 2,
      rejected: 1,
      financed: 1,
      withdrawn: 0,
      grantedCents: 1_250_000,
    });
    expect(res.body.programs.health).toMatchObject({ intentions: 1, deposited: 0 });
    const within = await api.request('GET', '/dashboard/funnel?within=academie:12');
    expect(within.body.programs.education.intentions).toBe(1);
    // The health project of the Meuse lies in the académie of its département.
    expect(within.body.programs.health.intentions).toBe(1);
    expect((await api.request('GET', '/dashboard/funnel?within=region:11')).body.programs.education.intentions).toBe(0);
  });

  it('gives the same figures per territory, with drill-down from the région to its académies and départements', async () => {
    const regions = (await api.request('GET', '/dashboard/territories?level=region')).body.items;
    expect(regions).toEqual([
      expect.objectContaining({ code: '44', label: 'Région Grand Est', figures: expect.objectContaining({ intentions: 2, validated: 2 }) }),
    ]);
    const academies = (await api.request('GET', '/dashboard/territories?level=academie&parent=region:44')).body.items;
    expect(academies).toEqual([
      expect.objectContaining({
        code: '12',
        label: expect.stringContaining('Nancy-Metz'),
        figures: expect.objectContaining({ intentions: 2, deposited: 5 }),
      }),
    ]);
    const departements = (await api.request('GET', '/dashboard/territories?level=departement&parent=academie:12&program=education')).body
      .items;
    expect(departements).toEqual([
      expect.objectContaining({ code: '55', label: 'Meuse (55)', figures: expect.objectContaining({ deposited: 5 }) }),
    ]);
    expect((await api.request('GET', '/dashboard/territories?level=region&parent=region:11')).body.items).toEqual([]);
    expect((await api.request('GET', '/dashboard/territories?level=canton')).status).toBe(400);
  });

  it('lists recent decisions newest first; the project, motivation and author only with a token', async () => {
    const anonymous = (await api.request('GET', '/dashboard/decisions?limit=3')).body.items;
    expect(anonymous.map((d: { command: string }) => d.command)).toEqual(['reject', 'validate', 'reopen']);
    expect(anonymous[1]).toMatchObject({ program: 'education', academie: '12', departement: '55', grantedCents: 250_000 });
    expect(anonymous[1]).not.toHaveProperty('title');
    expect(anonymous[1]).not.toHaveProperty('reason');
    const detailed = (await api.request('GET', '/dashboard/decisions?limit=3', { token: flow.validator })).body.items;
    expect(detailed[1]).toMatchObject({
      title: 'Refusé puis validé',
      reason: 'Recours accepté',
      by: { id: 'recteur-12', role: 'decider' },
    });
  });

  it('gives a decision’s project, motivation and author only to a caller who may read that project (v1: any token)', async () => {
    const as = async (claims: Parameters<ApiHarness['token']>[0]) =>
      (await api.request('GET', '/dashboard/decisions?limit=3', { token: await api.token(claims) })).body.items as Record<
        string,
        unknown
      >[];
    for (const outsider of [
      { role: 'holder' as const, sub: 'holder-of-another-school' },
      { role: 'validator' as const, sub: 'val-lille', scope: { academies: ['09'] } },
      { role: 'finance' as const, sub: 'finance-hdf', scope: { regions: ['32'] } },
    ]) {
      const items = await as(outsider);
      expect(items).toHaveLength(3);
      for (const item of items) for (const field of ['projectId', 'title', 'reason', 'by']) expect(item).not.toHaveProperty(field);
    }
    expect((await as({ role: 'auditor', sub: 'auditor' }))[1]).toMatchObject({ title: 'Refusé puis validé', reason: 'Recours accepté' });
    expect((await as({ role: 'validator', sub: 'val-ge', scope: { regions: ['44'] } }))[1]).toMatchObject({ reason: 'Recours accepté' });
  });

  it("shows the validators' queue per territory, with ages and the completion deadline", async () => {
    const now = (await api.request('GET', '/dashboard/workload?level=academie')).body;
    expect(now.items).toEqual([
      expect.objectContaining({
        code: '12',
        queue: 1,
        ages: { under7Days: 1, from7To30Days: 0, over30Days: 0 },
        awaitingHolder: 1,
        deadlines: { overdue: 0, dueWithin7Days: 0 },
      }),
    ]);
    // Asked on 1 September 2023, the 30 days count from the end of the summer holidays: due on Tuesday 3 October.
    api.clock.advance(27 * 86_400_000);
    const later = (await api.request('GET', '/dashboard/workload?level=academie')).body.items[0];
    expect(later).toMatchObject({ ages: { under7Days: 0, from7To30Days: 1, over30Days: 0 }, deadlines: { overdue: 0, dueWithin7Days: 1 } });
    api.clock.advance(10 * 86_400_000);
    expect((await api.request('GET', '/dashboard/workload?level=academie')).body.items[0].deadlines).toEqual({
      overdue: 1,
      dueWithin7Days: 0,
    });
  });

  it('keeps daily series of counts and amounts, dated by the events, not by the read time', async () => {
    const items = (await api.request('GET', '/dashboard/series?scope=education')).body.items;
    const day = (metric: string) => items.find((p: { metric: string }) => p.metric === metric);
    expect(day('intentions')).toEqual({ day: '2023-09-01', scope: 'education', metric: 'intentions', count: 8, amountCents: 0 });
    expect(day('validated')).toMatchObject({ count: 2, amountCents: 1_250_000 });
    expect(day('deposited')).toMatchObject({ count: 5 });
    // Nothing else happened in September (the workload test's clock reaches October, where a completion deadline may lapse
    // on the 3rd, dated by its own event whenever the deadline process gets to it).
    expect((await api.request('GET', '/dashboard/series?from=2023-09-02&to=2023-09-30')).body.items).toEqual([]);
  });

  it('serves projects from the list read model: detail, search by words and territory, paging', async () => {
    const token = await api.token({ role: 'admin' });
    const page1 = (await api.request('GET', '/projects?program=education&pageSize=3&page=1', { token })).body;
    const page3 = (await api.request('GET', '/projects?program=education&pageSize=3&page=3', { token })).body;
    expect(page1).toMatchObject({ total: 8, page: 1, pageSize: 3 });
    expect(page1.items).toHaveLength(3);
    expect(page3.items).toHaveLength(2);
    const found = (await api.request('GET', '/projects?q=puis%20valid', { token })).body;
    expect(found.items.map((p: { content: { title: string } }) => p.content.title)).toEqual(['Refusé puis validé']);
    expect((await api.request('GET', '/projects?territory=12', { token })).body.total).toBe(8);
    const detail = await api.request('GET', `/projects/${found.items[0].id}`, { token });
    expect(detail.body).toMatchObject({ status: 'validated', grantedAmountCents: 250_000 });
  });
});
