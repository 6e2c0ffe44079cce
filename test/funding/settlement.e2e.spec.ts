import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FundingProcessRunner } from '#processes';
import type { ApiHarness } from '../support/api-harness.js';
import { type Actors, NANCY_METZ_2023, envelopeCommand, eventually, transition, validatedEducationProject } from './funding-flow.js';
import { commitAct, fundedNancyMetz, payInstalment, signedAwardAct } from './award-flow.js';

describe('closing a project is finance’s, once it is settled: the report reviewed, everything due paid or recovered', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    ({ api, a } = await fundedNancyMetz());
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

  it('partly accepted: the overpaid advance is claimed by a titre de perception, collected in two parts by the accountant', async () => {
    const id = await validatedEducationProject(api, a, 1_250_000, 1_200_000, 'Un jardin pédagogique');
    const act = await signedAwardAct(api, a, id);
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, id)).status).toBe(200);
    await financing(id);
    await payInstalment(api, a, NANCY_METZ_2023, act.actId, 1, '6000.00');
    await transition(api, a.holder, id, 'submit_final_report', {
      report: { summary: 'Jardin à moitié réalisé', spentAmountCents: 500_000 },
    });
    const reviewed = await api.request('POST', `/projects/${id}/award-act/review`, {
      token: a.finance,
      body: { outcome: 'partly_accepted', eligibleSpending: '5000.00', reason: 'Seules les factures de plants sont éligibles' },
    });
    // €5,000 eligible × 12,000 / 12,500 = €4,800 due; €6,000 paid: €1,200 to recover.
    expect(reviewed.body.review).toMatchObject({ dueCents: 480_000, toRecoverCents: 120_000 });
    const title = { commitmentRef: act.actId, titleRef: 'TP-2023-000118' };
    const tooMuch = await envelope('order-recovery', { ...title, amount: '6000.01', reason: 'Trop-perçu' });
    expect(tooMuch.body).toMatchObject({ status: 409, code: 'ENVELOPE_RECOVERY_EXCEEDS_PAID' });
    const issued = await envelope('order-recovery', { ...title, amount: '1200.00', reason: 'Trop-perçu sur l’avance après bilan' });
    expect(issued.status).toBe(200);
    const byFinance = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/collect-recovery`, { ...title, amount: '1.00' });
    expect(byFinance.status).toBe(403);
    const collect = (amount: string) =>
      envelopeCommand(api, a.accountant, `/envelopes/${NANCY_METZ_2023}/collect-recovery`, { ...title, amount });
    expect((await collect('500.00')).status).toBe(200);
    const partly = await close(id);
    expect(partly.body).toMatchObject({
      code: 'PROJECT_NOT_SETTLED',
      gaps: [
        { rule: 'overpayment-recovered', amountCents: 70_000 },
        { rule: 'unused-released', amountCents: 650_000 },
      ],
    });
    expect(partly.body.detail).toContain('titre émis, à recouvrer par le comptable');
    const funding = await api.request('GET', `/projects/${id}/funding`, { token: a.finance });
    expect(funding.body.commitment).toMatchObject({
      recoveryOutstandingCents: 70_000,
      recoveryTitles: [{ titleRef: 'TP-2023-000118', kind: 'titre_de_perception', amountCents: 120_000, outstandingCents: 70_000 }],
    });
    const operations = (funding.body.movements as { operation: string; amountCents: number }[]).map((m) => [m.operation, m.amountCents]);
    expect(operations.slice(-2)).toEqual([
      ['titre de perception', 120_000],
      ['recouvrement', 50_000],
    ]);
    expect((await collect('700.01')).body).toMatchObject({ status: 409, code: 'ENVELOPE_RECOVERY_EXCEEDS_TITLE' });
    expect((await collect('700.00')).status).toBe(200);
    expect((await envelope('release', { commitmentRef: act.actId, reason: 'Reliquat après compte rendu financier' })).status).toBe(200);
    expect((await close(id)).status).toBe(200);
    const balance = await api.request('GET', `/envelopes/${NANCY_METZ_2023}`, { token: a.finance });
    // Paid back on a payment of the same exercise: its CP is restored (rétablissement de crédits), no receipt.
    expect(balance.body.years[0].cp).toMatchObject({ recoveredCents: expect.any(Number), receiptsCents: 0 });
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
