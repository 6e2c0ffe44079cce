import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { type Actors, actors, educationAnalysed, ok, read, run, signed, store } from '../lifecycle/lifecycle-flow.js';

// v1 defect: a finance officer of académie 09 could move a project of another académie into financing and close it.
describe('finance acts on a project only within its territory (the program definition’s access rule)', () => {
  let api: ApiHarness;
  let a: Actors;
  let lilleFinance: string;
  let nancyMetzFinance: string;
  let hdfFinance: string;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    lilleFinance = await api.token({ role: 'finance', sub: 'finance-lille', scope: { academies: ['09'] } });
    nancyMetzFinance = await api.token({ role: 'finance', sub: 'finance-nancy-metz', scope: { academies: ['12'] } });
    hdfFinance = await api.token({ role: 'finance', sub: 'finance-ars-hdf', scope: { regions: ['32'] } });
  });
  afterAll(async () => {
    await api.close();
  });
  const streamLength = async (id: string) => (await store(api).readStream(`project-${id}`)).length;

  it('start_financing and close by another académie’s finance: 403 naming the rule, nothing written; its own: done', async () => {
    const id = await educationAnalysed(api, a, 'Un atelier théâtre en Meuse');
    await ok(api, a.eduDecider, id, 'validate', signed('Avis favorable de la commission', { grantedAmountCents: 1_000_000 }));
    const before = await streamLength(id);
    const outsider = await run(api, lilleFinance, id, 'start_financing', { commitmentRef: 'EJ-2023-0042' });
    expect(outsider.status).toBe(403);
    expect(outsider.body).toMatchObject({ code: 'PROJECT_OUT_OF_TERRITORY', rules: ['academies∋academie'], territory: { academie: '12' } });
    expect(await streamLength(id)).toBe(before);
    expect((await run(api, hdfFinance, id, 'start_financing', { commitmentRef: 'EJ-2023-0042' })).status).toBe(403);

    await ok(api, nancyMetzFinance, id, 'start_financing', { commitmentRef: 'EJ-2023-0042' });
    await ok(api, a.holder, id, 'submit_final_report', { report: { summary: 'Trois représentations', spentAmountCents: 1_000_000 } });
    const afterReport = await streamLength(id);
    expect((await run(api, lilleFinance, id, 'close')).status).toBe(403);
    expect(await streamLength(id)).toBe(afterReport);
    await ok(api, nancyMetzFinance, id, 'close');
    expect((await read(api, a.holder, id)).body.status).toBe('closed');
  });

  it('a health project: only the ARS of its région', async () => {
    const declared = await api.request('POST', '/projects', {
      token: a.holder,
      body: {
        program: 'health',
        title: 'Une équipe mobile en Meuse',
        description: 'CNR santé',
        territory: { region: '44', departement: '55', communeCode: '55545', cts: 'CTS-44-55' },
        holder: { organisationId: '550000012', name: 'MSP' },
      },
    });
    const id = declared.body.projectId as string;
    expect((await run(api, hdfFinance, id, 'close')).body).toMatchObject({ code: 'PROJECT_OUT_OF_TERRITORY', rules: ['regions∋region'] });
  });
});
