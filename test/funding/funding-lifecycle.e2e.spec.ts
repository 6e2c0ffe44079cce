import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiHarness } from '../support/api-harness.js';
import { FundingProcessRunner } from '#processes';
import { HEALTH_FINESS } from '../support/demo-fixtures.js';
import {
  type Actors,
  NANCY_METZ_2023,
  envelopeCommand,
  eventually,
  fundingOf,
  healthIntention,
  store,
  transition,
  validatedEducationProject,
} from './funding-flow.js';
import { commitAct, fundedNancyMetz, payInstalment, signedAwardAct } from './award-flow.js';

/** FIP 2023 of the académie de Nancy-Metz: €4.85M AE, €2.425M CP (its share of the ~€150M notified to académies in 2023). */
const AE = 485_000_000;

describe('funding: a signed decision moves no money; finance drafts the act, the authority signs, finance records the EJ', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    ({ api, a } = await fundedNancyMetz());
  });
  afterAll(async () => {
    await api.close();
  });
  /** The funding process has handled everything written so far (so what it did not write, it will not write). */
  const caughtUp = () => (api.app.get(FundingProcessRunner) as FundingProcessRunner).caughtUp();

  it('validated → act drafted on the proposed envelope → signed → EJ → financing, nothing paid by the system', async () => {
    const id = await validatedEducationProject(api, a, 1_250_000, 1_200_000, 'Un jardin pédagogique partagé à Bar-le-Duc');
    // The validation alone moves nothing: no commitment, no advance; the funding view says what is to do.
    await caughtUp();
    const before = await fundingOf(api, a.finance, id);
    expect(before.body).toMatchObject({
      projectStatus: 'validated',
      grantedCents: 1_200_000,
      funding: { status: 'no_award_act' },
      commitment: null,
    });
    expect((await store(api).readStream(`envelope-${NANCY_METZ_2023}`)).map((e) => e.type)).toEqual([
      'envelope.opened',
      'envelope.credits_notified',
    ]);

    const proposal = await api.request('GET', `/projects/${id}/award-act/envelopes`, { token: a.finance });
    expect(proposal.body).toMatchObject({
      exercise: 2023,
      proposed: NANCY_METZ_2023,
      candidates: [{ envelopeId: NANCY_METZ_2023, aeAvailable: '4850000.00' }],
    });
    const act = await signedAwardAct(api, a, id);
    expect(act).toMatchObject({
      form: 'arrete',
      status: 'signed',
      amount: '12000.00',
      envelopeId: NANCY_METZ_2023,
      payee: { organisationId: '21550029900015', siret: '21550029900015', legalStatus: 'public' },
      schedule: [
        { number: 1, kind: 'advance', amount: '6000.00', condition: 'démarrage de l’action' },
        { number: 2, kind: 'balance', amount: '6000.00', condition: 'compte rendu financier accepté' },
      ],
      reportDueOn: '2024-06-30',
      signature: { signatory: 'recteur-12', capacity: 'recteur' },
    });

    const committed = await commitAct(api, a.finance, NANCY_METZ_2023, id, { ejNumber: '2103000101' });
    expect(committed.status).toBe(200);
    const funding = await eventually(
      () => fundingOf(api, a.holder, id),
      (r) => r.body.projectStatus === 'financing',
    );
    expect(funding.body).toMatchObject({
      funding: { status: 'committed' },
      awardAct: { actId: act.actId, status: 'signed' },
      commitment: {
        commitmentRef: act.actId,
        ejNumber: '2103000101',
        committedCents: 1_200_000,
        paidCents: 0,
        remainingToPayCents: 1_200_000,
      },
      movements: [
        {
          type: 'envelope.committed',
          operation: 'engagement juridique',
          amount: '12000.00',
          by: { id: 'finance-nancy-metz', role: 'finance' },
        },
      ],
    });
    const project = await api.request('GET', `/projects/${id}?minPosition=${await api.headPosition()}`, { token: a.holder });
    expect(project.body).toMatchObject({ status: 'financing', commitmentRef: act.actId });
    expect(project.body.lastTransition).toMatchObject({ command: 'start_financing', by: { id: 'funding-process', role: 'system' } });

    // The holder transmits the report: the system pays nothing and closes nothing (a person reviews, orders and pays).
    await transition(api, a.holder, id, 'submit_final_report', {
      report: { summary: 'Jardin réalisé, 3 classes, 2 ateliers parents', spentAmountCents: 1_125_040 },
    });
    await caughtUp();
    const types = (await store(api).readStream(`envelope-${NANCY_METZ_2023}`)).map((e) => e.type);
    expect(types).toEqual(['envelope.opened', 'envelope.credits_notified', 'envelope.committed']);
    const envelope = await api.request('GET', `/envelopes/${NANCY_METZ_2023}`, { token: a.finance });
    expect(envelope.body.ae).toMatchObject({ committedCents: 1_200_000, availableCents: AE - 1_200_000 });
    expect(envelope.body.cp).toMatchObject({ paidCents: 0 });
    expect((await api.request('GET', `/projects/${id}`, { token: a.holder })).body.status).toBe('financing');
  });

  it('a withdrawal after payments recovers nothing by itself: it opens the review of what was legitimately spent', async () => {
    const id = await validatedEducationProject(api, a, 500_000, 500_000, 'Une chorale inter-écoles');
    const act = await signedAwardAct(api, a, id);
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, id)).status).toBe(200);
    await eventually(
      () => api.request('GET', `/projects/${id}`, { token: a.holder }),
      (r) => r.body.status === 'financing',
    );
    await payInstalment(api, a, NANCY_METZ_2023, act.actId, 1, '2500.00');
    await transition(api, a.holder, id, 'withdraw', { reason: 'Intervenant indisponible' });
    await caughtUp();
    const funding = await fundingOf(api, a.finance, id);
    expect(funding.body).toMatchObject({
      projectStatus: 'withdrawn',
      commitment: { committedCents: 500_000, paidCents: 250_000, recoveredCents: 0, releasedCents: 0 },
      awardAct: { reviewOpened: { cause: 'withdrawal', paidCents: 250_000 }, review: null },
    });
    // Finance fixes what was legitimately spent before the withdrawal: €1,500 of the €2,500 paid.
    const review = await api.request('POST', `/projects/${id}/award-act/review`, {
      token: a.finance,
      body: { outcome: 'partly_accepted', eligibleSpending: '1500.00', reason: 'Dépenses engagées avant l’abandon' },
    });
    expect(review.body.review).toMatchObject({ dueCents: 150_000, toRecoverCents: 100_000, toRecover: '1000.00' });
  });

  it('health (FIR): a convention above €23,000 for the MSP, signed by the DG ARS and the MSP, the CTS as split key', async () => {
    const arsFinance = await api.token({ role: 'finance', sub: 'finance-ars-grand-est', scope: { regions: ['44'] } });
    const opened = await envelopeCommand(api, arsFinance, '/envelopes', {
      fund: 'fir',
      territoryCode: 'ars-44',
      year: 2023,
      label: 'FIR CNR santé 2023 – ARS Grand Est',
      split: { mode: 'soft', shares: { 'CTS-44-55': '100000.00', 'CTS-44-54': '250000.00' } },
    });
    expect(opened.status).toBe(201);
    expect(
      (await envelopeCommand(api, arsFinance, '/envelopes/fir-ars-44-2023/notify', { ae: '1000000.00', cp: '1000000.00' })).status,
    ).toBe(200);
    const declared = await api.request('POST', '/projects', { token: a.holder, body: healthIntention() });
    const id = declared.body.projectId as string;
    await transition(api, a.holder, id, 'start_drafting');
    await api.request('PATCH', `/projects/${id}`, {
      token: a.holder,
      body: { requestedAmountCents: 4_500_000, budgetLines: [{ label: 'Coordination', amountCents: 4_500_000 }] },
    });
    await transition(api, a.holder, id, 'submit');
    await transition(api, a.arsValidator, id, 'start_analysis');
    await transition(api, a.arsValidator, id, 'complete_analysis', { reason: 'Instruction close : dossier complet' });
    await transition(api, a.arsValidator, id, 'refer_to_cts');
    await transition(api, a.arsValidator, id, 'record_cts_opinion', { reason: 'Avis favorable du CTS de la Meuse', favourable: true });
    await transition(api, a.arsDecider, id, 'validate', {
      reason: 'Décision du directeur général de l’ARS',
      grantedAmountCents: 4_000_000,
    });
    const payee = { kind: 'self', siret: '55099990800019', iban: 'FR7630006000011234567890189' };
    const payeeSet = await api.request('PUT', `/organisations/${HEALTH_FINESS}/payee`, { token: a.holder, body: payee });
    expect([payeeSet.status, payeeSet.body.errors]).toEqual([200, undefined]);

    const unstated = await api.request('POST', `/projects/${id}/award-act`, { token: arsFinance, body: {} });
    expect(unstated.body).toMatchObject({ status: 400, errors: [{ field: 'payeeLegalStatus' }] });
    const drafted = await api.request('POST', `/projects/${id}/award-act`, { token: arsFinance, body: { payeeLegalStatus: 'private' } });
    expect(drafted.body).toMatchObject({ form: 'convention', formLabel: 'convention', amount: '40000.00', envelopeId: 'fir-ars-44-2023' });
    const signed = await api.request('POST', `/projects/${id}/award-act/sign`, { token: a.arsDecider, body: {} });
    expect(signed.body).toMatchObject({ status: 'awaiting_countersignature', signature: { capacity: 'dg_ars' } });
    const early = await commitAct(api, arsFinance, 'fir-ars-44-2023', id);
    expect(early.body).toMatchObject({ status: 409, code: 'ENVELOPE_AWARD_ACT_NOT_SIGNED' });
    const countersigned = await api.request('POST', `/projects/${id}/award-act/countersign`, { token: a.holder, body: {} });
    expect(countersigned.body).toMatchObject({ status: 'signed', countersignature: { organisationId: HEALTH_FINESS } });

    expect((await commitAct(api, arsFinance, 'fir-ars-44-2023', id, { splitKey: 'CTS-44-55' })).status).toBe(200);
    const envelope = await api.request('GET', '/envelopes/fir-ars-44-2023', { token: arsFinance });
    expect(envelope.body.split.shares).toEqual(
      expect.arrayContaining([{ key: 'CTS-44-55', shareCents: 10_000_000, committedCents: 4_000_000, exceeded: false }]),
    );
  });

  it('envelope reads: by fund, territory and year; out of scope is 403; GET /health shows the process', async () => {
    const list = await api.request('GET', '/envelopes?fund=fip&territory=academie-12&year=2023', { token: a.finance });
    expect(list.status).toBe(200);
    expect(list.body.envelopes.map((e: { envelopeId: string }) => e.envelopeId)).toEqual([NANCY_METZ_2023]);
    expect((await api.request('GET', '/envelopes?fund=fir', { token: a.admin })).body.count).toBe(1);
    expect((await api.request('GET', '/envelopes?fund=fip', { token: a.lilleFinance })).body.count).toBe(0);
    expect((await api.request('GET', `/envelopes/${NANCY_METZ_2023}`, { token: a.lilleFinance })).status).toBe(403);
    const health = await api.health();
    expect(health.body.details['process.funding']).toMatchObject({ name: 'funding', state: 'running', status: 'up' });
  });
});
