import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import {
  type Actors,
  NANCY_METZ_2023,
  actors,
  envelopeCommand,
  eventually,
  fundingOf,
  openNancyMetz,
  store,
  validatedEducationProject,
} from './funding-flow.js';

describe('funding pending: not enough AE → the project waits with the reason → retried when the envelope is increased', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('no envelope yet, then too little AE: pending with the refusal; a credit increase funds it, once', async () => {
    const id = await validatedEducationProject(api, a, 1_500_000, 1_500_000, 'Classe orchestre au collège de Commercy');
    let funding = await eventually(
      () => fundingOf(api, a.holder, id),
      (r) => r.body.funding?.status === 'pending',
    );
    expect(funding.body).toMatchObject({
      projectStatus: 'validated',
      funding: {
        status: 'pending',
        label: 'financement en attente',
        envelopeId: NANCY_METZ_2023,
        pending: { code: 'ENVELOPE_NOT_FOUND', step: 'commit' },
      },
      commitment: null,
      payments: [],
    });

    // The académie opens its envelope with €10,000 AE: still short of the €15,000 granted.
    await openNancyMetz(api, a, '10000.00', '50000.00');
    funding = await eventually(
      () => fundingOf(api, a.holder, id),
      (r) => r.body.funding?.pending?.code === 'ENVELOPE_INSUFFICIENT_AE',
    );
    expect(funding.body.funding.pending).toMatchObject({
      code: 'ENVELOPE_INSUFFICIENT_AE',
      details: { envelopeId: NANCY_METZ_2023, year: 2023, availableCents: 1_000_000, requestedCents: 1_500_000 },
    });
    expect(funding.body.funding.pending.reason).toContain('10\u202f000,00\u00a0€ disponibles, 15\u202f000,00\u00a0€ demandés');
    const project = await api.request('GET', `/projects/${id}?minPosition=${await api.headPosition()}`, { token: a.holder });
    expect(project.body.status).toBe('validated');

    // Increased by €5,000: the process retries, commits and the project moves to financing.
    const increased = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/notify`, {
      ae: '5000.00',
      cp: '0.00',
      kind: 'increase',
      reason: 'Abondement de la DGESCO',
    });
    expect(increased.status).toBe(200);
    funding = await eventually(
      () => fundingOf(api, a.holder, id),
      (r) => r.body.funding?.status === 'financing' && r.body.payments?.length === 1,
    );
    expect(funding.body).toMatchObject({
      projectStatus: 'financing',
      funding: { pending: null },
      commitment: { committedCents: 1_500_000, paidCents: 750_000 },
    });
    const envelope = await api.request('GET', `/envelopes/${NANCY_METZ_2023}`, { token: a.finance });
    expect(envelope.body.ae).toMatchObject({ notifiedCents: 1_500_000, committedCents: 1_500_000, availableCents: 0 });
    expect(envelope.body.cp).toMatchObject({ notifiedCents: 5_000_000, paidCents: 750_000, availableCents: 4_250_000 });
    const log = await store(api).readStream(`envelope-${NANCY_METZ_2023}`);
    expect(log.filter((e) => e.type === 'envelope.committed')).toHaveLength(1);
  });

  it('the oldest waiting project is funded first; the other keeps waiting with the new figures', async () => {
    const first = await validatedEducationProject(api, a, 400_000, 400_000, 'Club robotique de Ligny-en-Barrois');
    await eventually(
      () => fundingOf(api, a.holder, first),
      (r) => r.body.funding?.status === 'pending',
    );
    const second = await validatedEducationProject(api, a, 300_000, 300_000, 'Chorale inter-écoles de Stenay');
    await eventually(
      () => fundingOf(api, a.holder, second),
      (r) => r.body.funding?.status === 'pending',
    );
    await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/notify`, {
      ae: '5000.00',
      cp: '0.00',
      kind: 'increase',
      reason: 'Redéploiement',
    });
    await eventually(
      () => fundingOf(api, a.holder, first),
      (r) => r.body.funding?.status === 'financing',
    );
    const waiting = await eventually(
      () => fundingOf(api, a.holder, second),
      (r) => r.body.funding?.pending?.details?.availableCents === 100_000,
    );
    expect(waiting.body.funding).toMatchObject({
      status: 'pending',
      pending: { code: 'ENVELOPE_INSUFFICIENT_AE', details: { requestedCents: 300_000 } },
    });
  });
});
