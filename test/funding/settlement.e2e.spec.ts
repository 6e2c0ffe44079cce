import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FundingProcessRunner } from '#processes';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import {
  type Actors,
  NANCY_METZ_2023,
  actors,
  envelopeCommand,
  eventually,
  openNancyMetz,
  transition,
  validatedEducationProject,
} from './funding-flow.js';
import { commitAct, communePaysForSchool, payInstalment, signedAwardAct } from './award-flow.js';

describe('closing a project is finance’s, once it is settled: the report reviewed, everything due paid or recovered', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    await communePaysForSchool(api, a);
  });
  afterAll(async () => {
    await api.close();
  });
  const financing = (id: string) =>
    eventually(
      () => api.request('GET', `/projects/${id}`, { token: a.holder }),
      (r) => r.body.status === 'financing',
    );
  const close = (id: string) => api.request('POST', `/projects/${id}/close`, { token: a.finance, body: {} });
  const envelope = (path: string, body: unknown) => envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/${path}`, body);

  it('€12,000 granted on a €12,500 budget, €11,250.40 spent: review accepted, €10,800.38 due, balance paid, rest released', async () => {
    const id = await validatedEducationProject(api, a, 1_250_000, 1_200_000, 'Une fresque participative');
    const act = await signedAwardAct(api, a, id);
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, id)).status).toBe(200);
    await financing(id);
    await payInstalment(api, a, NANCY_METZ_2023, act.actId, 1, '6000.00');

    const early = await close(id);
    expect(early.body).toMatchObject({ status: 409, code: 'PROJECT_NOT_SETTLED', gaps: [{ rule: 'report-reviewed' }] });
    await transition(api, a.holder, id, 'submit_final_report', {
      report: { summary: 'Fresque réalisée avec les trois classes', spentAmountCents: 1_125_040 },
    });
    const reviewed = await api.request('POST', `/projects/${id}/award-act/review`, {
      token: a.finance,
      body: { outcome: 'accepted', reason: 'Dépenses justifiées par les factures jointes' },
    });
    expect(reviewed.body.review).toMatchObject({ outcome: 'accepted', dueCents: 1_080_038, balanceCents: 480_038, toRecoverCents: 0 });
    const unpaid = await close(id);
    expect(unpaid.body).toMatchObject({
      code: 'PROJECT_NOT_SETTLED',
      gaps: [
        { rule: 'balance-paid', amountCents: 480_038 },
        { rule: 'unused-released', amountCents: 119_962 },
      ],
    });
    expect(unpaid.body.detail).toContain('reste à payer 4\u202f800,38\u00a0€');
    await payInstalment(api, a, NANCY_METZ_2023, act.actId, 2, '4800.38');
    expect((await envelope('release', { commitmentRef: act.actId, reason: 'Reliquat après compte rendu financier' })).status).toBe(200);
    const closed = await close(id);
    expect(closed.status).toBe(200);
    expect((await api.request('GET', `/projects/${id}?minPosition=${await api.headPosition()}`, { token: a.holder })).body.status).toBe(
      'closed',
    );
  });

  it('only finance closes: the holder is refused by the workflow, never told about the money', async () => {
    const id = await validatedEducationProject(api, a, 400_000, 400_000, 'Un club d’échecs');
    await signedAwardAct(api, a, id);
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, id)).status).toBe(200);
    await financing(id);
    const byHolder = await api.request('POST', `/projects/${id}/close`, { token: a.holder, body: {} });
    expect(byHolder.status).toBe(403);
    expect(byHolder.body.code).not.toBe('PROJECT_NOT_SETTLED');
  });

  it('a grant of €0 (human support only): the signed act starts the accompaniment without an EJ, and it closes without money', async () => {
    const id = await validatedEducationProject(api, a, 300_000, 0, 'Un accompagnement par l’équipe académique');
    const act = await signedAwardAct(api, a, id);
    expect(act).toMatchObject({ amountCents: 0, schedule: [] });
    await financing(id);
    await (api.app.get(FundingProcessRunner) as FundingProcessRunner).caughtUp();
    await transition(api, a.holder, id, 'submit_final_report', {
      report: { summary: 'Trois séances d’accompagnement', spentAmountCents: 0 },
    });
    expect((await close(id)).status).toBe(200);
    const funding = await api.request('GET', `/projects/${id}/funding`, { token: a.finance });
    expect(funding.body).toMatchObject({ projectStatus: 'closed', commitment: null, awardAct: { amountCents: 0 } });
  });
});
