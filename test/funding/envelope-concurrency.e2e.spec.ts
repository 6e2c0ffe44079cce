import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { toDecimalString } from '#funding';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { declareAndValidate, inBatches } from '../support/validated-project.js';
import { type Actors, actors, envelopeCommand, store } from './funding-flow.js';
import { communePaysForSchool, signedAwardAct } from './award-flow.js';

const AMOUNT = 2_000_000; // cents: €20,000 per project
const FUNDABLE = 50;
const REQUESTS = 200;
/** Nancy-Metz's FIP over 2023–2024: a multi-year envelope, the one the 200 award acts draw on. */
const NANCY_METZ = 'fip-academie-12-2023-2024';

describe('200 concurrent commits through HTTP on an envelope that can fund exactly 50', () => {
  let api: ApiHarness;
  let a: Actors;
  let projects: string[];
  beforeAll(async () => {
    // The set-up declares and validates 200 projects through one holder, one validator and one decider token in seconds
    // (800, 400 and 200 writes): a scripted flood, which the default write limit (300 a minute per token) exists to refuse.
    api = await startApi({ RATE_LIMIT_WRITE_MAX: '5000' });
    a = await actors(api);
    const opened = await envelopeCommand(api, a.finance, '/envelopes', {
      fund: 'fip',
      territoryCode: 'academie-12',
      period: { fromYear: 2023, toYear: 2024 },
    });
    expect(opened.status).toBe(201);
    const notified = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ}/notify`, {
      ae: toDecimalString(FUNDABLE * AMOUNT),
      cp: '400000.00',
    });
    expect(notified.status).toBe(200);
    // 200 real projects of the académie, each validated for €20,000: a commitment needs an existing, validated project.
    const send = (method: 'POST' | 'PATCH', path: string, token: string, body: unknown) => api.request(method, path, { token, body });
    projects = await inBatches(REQUESTS, 20, (i) =>
      declareAndValidate(
        send,
        { holder: a.holder, validator: a.eduValidator, decider: a.eduDecider },
        { intention: educationIntention(`Projet concurrent ${i}`), requestedCents: AMOUNT, grantedCents: AMOUNT },
      ),
    );
    expect(new Set(projects).size).toBe(REQUESTS);
    // Each with its award act, drafted by finance on this envelope and signed by the recteur: an EJ formalises a signed act.
    await communePaysForSchool(api, a);
    const acts = await inBatches(REQUESTS, 20, (i) => signedAwardAct(api, a, projects[i]!, { envelopeId: NANCY_METZ }));
    expect(acts.every((act) => act.status === 'signed' && act.envelopeId === NANCY_METZ)).toBe(true);
  }, 240_000);
  afterAll(async () => {
    await api.close();
  });

  it('200 projects with signed acts: 50 × 200, 150 × 409 ENVELOPE_INSUFFICIENT_AE naming the figures; the ledger sums', async () => {
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        envelopeCommand(
          api,
          i % 3 === 0 ? a.admin : a.finance,
          `/envelopes/${NANCY_METZ}/commit`,
          { projectId: projects[i], ejNumber: `210${String(i).padStart(7, '0')}`, amount: toDecimalString(AMOUNT) },
          `concurrent-commit-${i}`,
        ),
      ),
    );
    const wallMs = performance.now() - started;
    const won = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 409);
    const others = responses.filter((r) => r.status !== 200 && r.status !== 409);
    console.log(
      `[funding concurrency over HTTP] ${REQUESTS} concurrent POST /envelopes/${NANCY_METZ}/commit: ${won.length} × 200, ` +
        `${refused.length} × 409, ${others.length} other; ${wallMs.toFixed(0)} ms wall, ${(wallMs / REQUESTS).toFixed(1)} ms per request`,
    );

    expect(others.map((r) => [r.status, r.body])).toEqual([]);
    expect(won).toHaveLength(FUNDABLE);
    expect(refused).toHaveLength(REQUESTS - FUNDABLE);
    for (const r of refused) {
      expect(r.body).toMatchObject({
        code: 'ENVELOPE_INSUFFICIENT_AE',
        envelopeId: NANCY_METZ,
        year: 2023,
        availableCents: 0,
        requestedCents: AMOUNT,
      });
      expect(r.body.detail).toContain('0,00\u00a0€ disponibles, 20\u202f000,00\u00a0€ demandés');
    }
    const log = await store(api).readStream(`envelope-${NANCY_METZ}`);
    const committed = log.filter((e) => e.type === 'envelope.committed');
    expect(committed).toHaveLength(FUNDABLE);
    expect(committed.reduce((t, e) => t + (e.data as { amountCents: number }).amountCents, 0)).toBe(FUNDABLE * AMOUNT);
    expect(new Set(won.map((r) => r.body.position)).size).toBe(FUNDABLE);
    const envelope = await api.request('GET', `/envelopes/${NANCY_METZ}`, { token: a.finance });
    expect(envelope.body.ae).toMatchObject({ notifiedCents: FUNDABLE * AMOUNT, committedCents: FUNDABLE * AMOUNT, availableCents: 0 });
    expect(envelope.body.commitments).toMatchObject({ count: FUNDABLE, committedCents: FUNDABLE * AMOUNT });
  }, 180_000);
});
