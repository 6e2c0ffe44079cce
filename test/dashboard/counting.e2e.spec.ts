import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention, healthIntention, SCHOOL_UAI } from '../support/demo-fixtures.js';
import { DashboardFlow } from './dashboard-flow.js';

type Figures = Record<string, number>;
type Row = { code: string; figures: Figures };
const sum = (rows: Row[]): Figures => {
  const out: Figures = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.figures)) out[k] = (out[k] ?? 0) + v;
  return out;
};

/** The funnel counted as the published figures are, through the API, live and as of a past position. */
describe('dashboard counting (issue 14 §7)', () => {
  let api: ApiHarness;
  let flow: DashboardFlow;
  let validated = '';
  const get = async (path: string) => {
    const res = await api.request('GET', path);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** The holder registers their school in the directory (its first member), before declaring any project for it. */
  const register = async (kind: string, uai: string, communeCode: string) => {
    const res = await api.request('POST', '/organisations', {
      token: flow.holder,
      body: {
        kind,
        identifier: { scheme: 'uai', value: uai },
        name: `École ${uai}`,
        communeCode,
        departementCode: communeCode.slice(0, 2),
      },
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const declare = async (body: object) => {
    const res = await api.request('POST', '/projects', { token: flow.holder, body });
    if (res.status !== 201) throw new Error(`declare: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.projectId as string;
  };

  beforeAll(async () => {
    api = await startApi();
    flow = await DashboardFlow.start(api);
    await register('ecole', SCHOOL_UAI, '55029');
    // School A (Meuse): a project deposited then refused (signed by the recteur), another validated then financed.
    const refused = await flow.deposit('education', 'Refusé après dépôt');
    await flow.analysed(refused);
    await flow.decide(refused, 'reject', { reason: 'Hors cadre' });
    const financed = await flow.validated(800_000);
    validated = financed.position;
    const finance = await api.token({ role: 'finance', scope: { academies: ['12'] } });
    await flow.run(financed.id, 'start_financing', { commitmentRef: 'EJ-2023-0042' }, finance);
    // School B (Moselle, same académie): deposited, then abandoned; registered by its project's declaration, which gives its kind.
    const moselle = { region: '44', departement: '57', academie: '12' };
    const b = await declare({
      ...educationIntention('Collège de Metz'),
      territory: moselle,
      holder: { organisationId: '0570001S', name: 'Collège de Metz', kind: 'college' },
    });
    await flow.run(b, 'start_drafting', {}, flow.holder);
    await api.request('PATCH', `/projects/${b}`, {
      token: flow.holder,
      body: { requestedAmountCents: 100_000, budgetLines: [{ label: 'Matériel', amountCents: 100_000 }] },
    });
    await flow.run(b, 'submit', {}, flow.holder);
    await flow.run(b, 'withdraw', {}, flow.holder);
    // School C (Bas-Rhin, académie de Strasbourg): an intention only; its declaration gives no kind, so it is registered as 'other'.
    const basRhin = { region: '44', departement: '67', academie: '15' };
    await declare({
      ...educationIntention('École de Strasbourg'),
      territory: basRhin,
      holder: { organisationId: '0670001M', name: 'École de Strasbourg' },
    });
    // Health: a deposit in the Meuse (with its CTS), an intention in the Marne without a CTS.
    await flow.deposit('health', 'MSP du Barrois');
    await declare({ ...healthIntention('CPTS de la Marne'), territory: { region: '44', departement: '51' } });
    await api.request('GET', `/dashboard/funnel?minPosition=${await api.headPosition()}`);
  });
  afterAll(async () => {
    await api.close();
  });

  it('counts schools, deposits whatever their stage and validations cumulatively, with the school levels', async () => {
    const { programs, schoolLevels } = await get('/dashboard/funnel');
    expect(programs.education).toMatchObject({ intentions: 3, deposited: 3, validated: 1, financed: 1, rejected: 1, withdrawn: 1 });
    expect(programs.health).toMatchObject({ intentions: 2, deposited: 1, to_analyse: 1 });
    const levels = Object.fromEntries(schoolLevels.map((l: Record<string, unknown>) => [l['level'], l]));
    expect(levels['ecole']).toMatchObject({ label: 'École', intentions: 1, deposited: 2, validated: 1 });
    expect(levels['college']).toMatchObject({ intentions: 1, deposited: 1, validated: 0 });
    expect(levels['other']).toMatchObject({ intentions: 1, deposited: 0, validated: 0 });
    // Every school is in the directory now: declaring registers an unknown one (only projects of older logs have none).
    expect(levels['unknown']).toMatchObject({ intentions: 0, deposited: 0, validated: 0 });
    expect((await get('/dashboard/summary')).schoolLevels).toEqual(schoolLevels);
  });

  it.each([['education'], ['health'], ['']])('drill-down of program "%s" adds up at every level', async (program) => {
    const rows = async (level: string, parent?: string): Promise<Row[]> =>
      (await get(`/dashboard/territories?level=${level}&program=${program}${parent ? `&parent=${parent}` : ''}`)).items;
    const { programs } = await get('/dashboard/funnel');
    const national = program
      ? programs[program]
      : sum(Object.values(programs).map((figures) => ({ code: '', figures: figures as Figures })));
    for (const level of ['region', 'academie', 'departement', 'cts']) expect(sum(await rows(level))).toEqual(national);
    for (const region of await rows('region')) {
      for (const level of ['academie', 'departement', 'cts'])
        expect(sum(await rows(level, `region:${region.code}`))).toEqual(region.figures);
      for (const a of await rows('academie', `region:${region.code}`))
        expect(sum(await rows('departement', `academie:${a.code}`))).toEqual(a.figures);
      for (const d of await rows('departement', `region:${region.code}`))
        expect(sum(await rows('cts', `departement:${d.code}`))).toEqual(d.figures);
    }
  });

  it('shows health projects under the académies of Grand Est', async () => {
    const academies = (await get('/dashboard/territories?level=academie&parent=region:44')).items as Row[];
    expect(academies.map((a) => [a.code, a.figures['intentions']])).toEqual([
      ['12', 3],
      ['15', 1],
      ['19', 1],
    ]);
    expect((await get('/dashboard/territories?level=region')).items[0].figures.intentions).toBe(5);
  });

  it('gives the same counting as of a past position, and as of now', async () => {
    const then = await get(`/dashboard/funnel?asOf=${validated}`);
    expect(then.programs.education).toMatchObject({ intentions: 1, deposited: 2, validated: 1, financed: 0, rejected: 1 });
    // Only school A was registered then.
    expect(then.schoolLevels.filter((l: { intentions: number }) => l.intentions > 0)).toEqual([
      expect.objectContaining({ level: 'ecole', intentions: 1, deposited: 2, validated: 1 }),
    ]);
    for (const within of ['', 'academie:12', 'departement:51']) {
      const live = await get(`/dashboard/funnel?within=${within}`);
      const now = await get(`/dashboard/funnel?asOf=${await api.headPosition()}&within=${within}`);
      expect([now.programs, now.schoolLevels]).toEqual([live.programs, live.schoolLevels]);
    }
  });
});
