import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import {
  type Actors,
  NANCY_METZ_2023,
  actors,
  envelopeCommand,
  eventually,
  fundingOf,
  healthIntention,
  openNancyMetz,
  store,
  transition,
  validatedEducationProject,
} from './funding-flow.js';

/** FIP 2023 of the académie de Nancy-Metz: €4.85M AE, €2.425M CP (its share of the ~€150M notified to académies in 2023). */
const AE = 485_000_000;
const CP = 242_500_000;

describe('funding: from the intention to the closed project with its money (HTTP, real tokens, the funding process)', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
  });
  afterAll(async () => {
    await api.close();
  });

  it('validated → committed on the académie envelope → financing → 50 % paid → final report → balance → closed', async () => {
    const id = await validatedEducationProject(api, a, 1_250_000, 1_200_000, 'Un jardin pédagogique partagé à Bar-le-Duc');
    const ref = `EJ-2023-${id}`;
    let funding = await eventually(
      () => fundingOf(api, a.holder, id),
      (r) => r.body.funding?.status === 'financing' && r.body.payments?.length === 1,
    );
    expect(funding.status).toBe(200);
    expect(funding.body).toMatchObject({
      projectStatus: 'financing',
      grantedCents: 1_200_000,
      funding: { status: 'financing', envelopeId: NANCY_METZ_2023, year: 2023, pending: null },
      commitment: {
        commitmentRef: ref,
        committedCents: 1_200_000,
        paidCents: 600_000,
        serviceDoneCents: 600_000,
        remainingToPayCents: 600_000,
      },
      instalments: [
        { number: 1, plannedCents: 600_000, paidCents: 600_000, status: 'paid' },
        { number: 2, plannedCents: 600_000, paidCents: 0, status: 'due' },
      ],
      payments: [{ instalment: 1, amountCents: 600_000, display: '6\u202f000,00\u00a0€', year: 2023 }],
    });
    const project = await api.request('GET', `/projects/${id}?minPosition=${await api.headPosition()}`, { token: a.holder });
    expect(project.body).toMatchObject({ status: 'financing', commitmentRef: ref });
    expect(project.body.lastTransition).toMatchObject({ command: 'start_financing', by: { id: 'funding-process', role: 'system' } });

    // The holder files the final report: €11,250.40 spent of €12,000 granted.
    await transition(api, a.holder, id, 'submit_final_report', {
      report: { summary: 'Jardin réalisé, 3 classes, 2 ateliers parents', spentAmountCents: 1_125_040 },
    });
    funding = await eventually(
      () => fundingOf(api, a.holder, id),
      (r) => r.body.projectStatus === 'closed',
    );
    expect(funding.body).toMatchObject({
      funding: { status: 'closed', pending: null },
      commitment: {
        committedCents: 1_200_000,
        releasedCents: 74_960,
        paidCents: 1_125_040,
        recoveredCents: 0,
        netCommittedCents: 1_125_040,
        remainingToPayCents: 0,
      },
      instalments: [
        { number: 1, paidCents: 600_000 },
        { number: 2, paidCents: 525_040, status: 'paid' },
      ],
      payments: [
        { instalment: 1, amountCents: 600_000 },
        { instalment: 2, amountCents: 525_040 },
      ],
      recoveries: [],
    });

    const envelope = await api.request('GET', `/envelopes/${NANCY_METZ_2023}`, { token: a.finance });
    expect(envelope.status).toBe(200);
    expect(envelope.body.ae).toMatchObject({
      notifiedCents: AE,
      committedCents: 1_200_000,
      releasedCents: 74_960,
      availableCents: AE - 1_200_000 + 74_960,
    });
    expect(envelope.body.cp).toMatchObject({ notifiedCents: CP, paidCents: 1_125_040, recoveredCents: 0, availableCents: CP - 1_125_040 });
    expect(envelope.body.years).toHaveLength(1);
    expect(envelope.body.years[0]).toMatchObject({
      year: 2023,
      ae: { availableCents: AE - 1_125_040 },
      cp: { availableCents: CP - 1_125_040 },
    });
    expect(envelope.body.commitmentList).toEqual([
      expect.objectContaining({ commitmentRef: ref, projectId: id, netPaidCents: 1_125_040, instalments: 2 }),
    ]);

    // Handled once: one commitment, two payments, one release, one start_financing, one close in the log.
    const envelopeTypes = (await store(api).readStream(`envelope-${NANCY_METZ_2023}`)).map((e) => e.type);
    expect(envelopeTypes.filter((t) => t === 'envelope.committed')).toHaveLength(1);
    expect(envelopeTypes.filter((t) => t === 'envelope.paid')).toHaveLength(2);
    expect(envelopeTypes.filter((t) => t === 'envelope.commitment_released')).toHaveLength(1);
    const steps = (await store(api).readStream(`project-${id}`)).map((e) => e.type).filter((t) => t !== 'project.content_edited');
    expect(steps).toEqual([
      'project.intention_declared',
      'project.drafting_started',
      'project.submitted',
      'project.analysis_started',
      'project.analysis_completed',
      'project.validated',
      'project.financing_started',
      'project.final_report_submitted',
      'project.closed',
    ]);
  });

  it('spent less than the advance: a recovery order for the excess, the rest released, closed', async () => {
    const id = await validatedEducationProject(api, a, 800_000, 800_000, 'Radio scolaire au collège de Verdun');
    await eventually(
      () => fundingOf(api, a.holder, id),
      (r) => r.body.payments?.length === 1,
    );
    await transition(api, a.holder, id, 'submit_final_report', {
      report: { summary: 'Projet réduit : un seul studio', spentAmountCents: 300_000 },
    });
    const funding = await eventually(
      () => fundingOf(api, a.finance, id),
      (r) => r.body.projectStatus === 'closed',
    );
    expect(funding.body).toMatchObject({
      funding: { status: 'closed' },
      commitment: {
        committedCents: 800_000,
        paidCents: 400_000,
        recoveredCents: 100_000,
        netPaidCents: 300_000,
        releasedCents: 500_000,
        remainingToPayCents: 0,
      },
      recoveries: [{ amountCents: 100_000 }],
    });
    expect(funding.body.recoveries[0].reason).toContain('reversement');
  });

  it('the holder withdraws while financed: everything paid is recovered and the commitment released', async () => {
    const id = await validatedEducationProject(api, a, 500_000, 500_000, 'Ateliers philosophie en CM2');
    await eventually(
      () => fundingOf(api, a.holder, id),
      (r) => r.body.payments?.length === 1,
    );
    await transition(api, a.holder, id, 'withdraw', { reason: 'Départ de l’enseignante porteuse du projet' });
    const funding = await eventually(
      () => fundingOf(api, a.finance, id),
      (r) => r.body.funding?.status === 'withdrawn',
    );
    expect(funding.body.commitment).toMatchObject({ paidCents: 250_000, recoveredCents: 250_000, netPaidCents: 0, netCommittedCents: 0 });
  });

  it('health (FIR): the ARS Grand Est envelope of the year, the CTS of the Meuse as split key', async () => {
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
    // Workflow v2: the délégation territoriale closes the analysis; Grand Est hears the CTS; the DG ARS signs.
    await transition(api, a.arsValidator, id, 'complete_analysis', { reason: 'Instruction close : dossier complet' });
    await transition(api, a.arsValidator, id, 'refer_to_cts');
    await transition(api, a.arsValidator, id, 'record_cts_opinion', { reason: 'Avis favorable du CTS de la Meuse', favourable: true });
    await transition(api, a.arsDecider, id, 'validate', {
      reason: 'Décision du directeur général de l’ARS',
      grantedAmountCents: 4_000_000,
    });
    const funding = await eventually(
      () => fundingOf(api, a.arsValidator, id),
      (r) => r.body.payments?.length === 1,
    );
    expect(funding.body).toMatchObject({
      funding: { status: 'financing', envelopeId: 'fir-ars-44-2023', splitKey: 'CTS-44-55' },
      commitment: { committedCents: 4_000_000, paidCents: 2_000_000 },
    });
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
    expect((await api.request('GET', '/envelopes?year=23', { token: a.admin })).body).toMatchObject({
      errors: [expect.objectContaining({ field: 'year' })],
    });
    const health = await api.health();
    expect(health.body.details['process.funding']).toMatchObject({ name: 'funding', state: 'running', status: 'up' });
  });
});
