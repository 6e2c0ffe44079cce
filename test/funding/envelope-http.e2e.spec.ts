import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import {
  type Actors,
  NANCY_METZ_2023,
  actors,
  envelopeCommand,
  key,
  openNancyMetz,
  store,
  validatedEducationProject,
} from './funding-flow.js';
import { communePaysForSchool, signedAwardAct } from './award-flow.js';

const head = async (api: ApiHarness) => await api.headPosition();

describe('envelope commands through HTTP: Idempotency-Key across a restart, amounts, roles and territory', () => {
  let api: ApiHarness;
  let a: Actors;
  /** A real project of the académie, validated for €18,500, with its signed award act: committed by hand below. */
  let outsideTheProcess: string;
  let actId: string;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    outsideTheProcess = await validatedEducationProject(api, a, 1_850_000, 1_850_000, 'Projet hors processus');
    await communePaysForSchool(api, a);
    actId = (await signedAwardAct(api, a, outsideTheProcess)).actId;
  });
  afterAll(async () => {
    await api.close();
  });
  const notify = (body: Record<string, unknown>) => envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/notify`, body);

  it('a retry with the same Idempotency-Key returns the first outcome and writes nothing, also after a restart', async () => {
    const commitKey = key('commit');
    const body = {
      ejNumber: '2103000042',
      projectId: outsideTheProcess,
      amount: '18500.00',
      reason: 'Convention du 12 septembre 2023',
    };
    const first = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/commit`, body, commitKey);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      replayed: false,
      requestId: commitKey,
      outcome: [{ type: 'envelope.committed', data: { commitmentRef: actId, ejNumber: '2103000042', amountCents: 1_850_000, year: 2023 } }],
      balance: { ae: { committedCents: 1_850_000, availableCents: 485_000_000 - 1_850_000 } },
    });
    const position = first.headers.get('x-position');
    expect(position).toBe(first.body.position);
    expect(first.headers.get('etag')).toBe(`"${first.body.revision}"`);

    const again = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/commit`, body, commitKey);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, outcome: first.body.outcome, position });
    const before = await head(api);

    const dataDir = api.dataDir;
    await api.close(true);
    api = await startApi({}, dataDir);
    a = await actors(api);
    const afterRestart = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/commit`, body, commitKey);
    expect(afterRestart.status).toBe(200);
    expect(afterRestart.body).toMatchObject({ replayed: true, outcome: first.body.outcome, position });
    expect(afterRestart.headers.get('x-position')).toBe(position);
    expect(await head(api)).toBe(before);
    const committed = (await store(api).readStream(`envelope-${NANCY_METZ_2023}`)).filter((e) => e.type === 'envelope.committed');
    expect(committed).toHaveLength(1);

    // the same key for another command is refused, not silently answered
    const reused = await envelopeCommand(
      api,
      a.finance,
      `/envelopes/${NANCY_METZ_2023}/commit`,
      { ...body, amount: '18499.99' },
      commitKey,
    );
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', idempotencyKey: commitKey });
  });

  it('refuses a money command without Idempotency-Key (400 naming the header) and writes nothing', async () => {
    const before = await head(api);
    const res = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/notify`, { ae: '1.00', cp: '1.00' }, null);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', errors: [expect.objectContaining({ field: 'Idempotency-Key' })] });
    expect(await head(api)).toBe(before);
  });

  it('refuses float amounts (a JSON number with a fraction) and malformed decimal strings, naming the field; takes decimals', async () => {
    const before = await head(api);
    const float = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/notify`, { ae: 12.5, cp: 0 });
    expect(float.status).toBe(400);
    expect(float.body).toMatchObject({ code: 'INVALID_AMOUNT', errors: [{ field: 'ae', rule: 'integer-cents' }] });
    // "1250.00" as a JSON number would parse to 1250 (cents): refused on the raw text
    const res = await fetch(`${api.url}/envelopes/${NANCY_METZ_2023}/notify`, {
      method: 'POST',
      body: '{"ae": 0, "cp": 1250.00, "reason": "x: 1.5"}',
      headers: { authorization: `Bearer ${a.finance}`, 'content-type': 'application/json', 'idempotency-key': key() },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'INVALID_AMOUNT', errors: [expect.objectContaining({ field: 'cp' })] });
    const nested = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/split`, {
      split: { mode: 'soft', shares: { 'CTS-44-55': 10.25 } },
    });
    expect(nested.status).toBe(400);
    expect(nested.body).toMatchObject({ code: 'INVALID_AMOUNT', errors: [expect.objectContaining({ field: 'split.shares.CTS-44-55' })] });
    const bad = await notify({ ae: '12,345.00', cp: '0.00' });
    expect(bad.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'ae', rule: 'isEuroAmount', detail: expect.stringContaining('au plus 2 décimales') }],
    });
    const unknown = await notify({ ae: '0.01', cp: '0.01', aeCents: 1 });
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'aeCents', rule: 'whitelistValidation' }] });
    expect(await head(api)).toBe(before);

    const euros = await notify({ ae: '12500.00', cp: '12500,5', kind: 'increase', reason: 'Abondement' });
    expect(euros.status).toBe(200);
    expect(euros.body.outcome[0].data).toMatchObject({ aeCents: 1_250_000, cpCents: 1_250_050 });
  });

  it('refuses integer cents in a euro field: {"ae": 5000} → 400 naming ae and its rule, no write; "50.00" is 5000 cents', async () => {
    const before = await head(api);
    const integer = await notify({ ae: 5000, cp: '0.00', kind: 'increase' });
    expect(integer.status).toBe(400);
    expect(integer.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'ae', rule: 'isEuroAmount', detail: expect.stringContaining('chaîne décimale') }],
    });
    expect(integer.body.detail).toContain('ae');
    const commitment = { ejNumber: '2103000043', projectId: 'p', amount: 5000 };
    const commit = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/commit`, commitment);
    expect(commit.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'amount', rule: 'isEuroAmount' }] });
    const split = { mode: 'soft', shares: { 'CTS-44-55': 5000 } };
    const shares = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/split`, { split });
    expect(shares.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'split.shares', rule: 'isEuroAmountMap', detail: expect.stringContaining('CTS-44-55') }],
    });
    const opening = { fund: 'fip', territoryCode: 'academie-15', year: 2023, ceiling: 5000 };
    const ceiling = await envelopeCommand(api, a.admin, '/envelopes', opening);
    expect(ceiling.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'ceiling', rule: 'isEuroAmount' }] });
    expect(await head(api)).toBe(before);

    const decimal = await notify({ ae: '50.00', cp: '0.00', kind: 'increase' });
    expect(decimal.status).toBe(200);
    expect(decimal.body.outcome).toEqual([
      expect.objectContaining({ type: 'envelope.credits_notified', data: expect.objectContaining({ aeCents: 5000, cpCents: 0 }) }),
    ]);
  });

  it('finance acts only on its territory’s envelopes; holders and validators not at all; admin everywhere', async () => {
    const lille = await envelopeCommand(api, a.lilleFinance, `/envelopes/${NANCY_METZ_2023}/notify`, { ae: '1.00', cp: '0.00' });
    expect(lille.status).toBe(403);
    expect(lille.body).toMatchObject({ code: 'ENVELOPE_OUT_OF_SCOPE', envelopeId: NANCY_METZ_2023 });
    const openElsewhere = await envelopeCommand(api, a.finance, '/envelopes', { fund: 'fip', territoryCode: 'academie-09', year: 2023 });
    expect(openElsewhere.status).toBe(403);
    for (const token of [a.holder, a.eduValidator, a.auditor]) {
      expect((await envelopeCommand(api, token, `/envelopes/${NANCY_METZ_2023}/notify`, { ae: '1.00', cp: '0.00' })).status).toBe(403);
    }
    const national = await envelopeCommand(api, a.admin, '/envelopes', {
      fund: 'fip',
      territoryCode: 'national',
      period: { fromYear: 2023, toYear: 2027 },
      ceiling: '500000000.00',
    });
    expect(national.status).toBe(201);
    expect(national.body.balance).toMatchObject({ envelopeId: 'fip-national-2023-2027', ceilingCents: 50_000_000_000 });
    expect((await envelopeCommand(api, a.finance, '/envelopes/fip-national-2023-2027/notify', { ae: '1.00', cp: '0.00' })).status).toBe(
      403,
    );
    const unknownOp = await envelopeCommand(api, a.admin, `/envelopes/${NANCY_METZ_2023}/spend`, {});
    expect(unknownOp.body).toMatchObject({ code: 'ENVELOPE_UNKNOWN_OPERATION', errors: [expect.objectContaining({ field: 'operation' })] });
  });

  it('allocates from the national envelope to a child and transfers between siblings (two streams, once)', async () => {
    const national = 'fip-national-2023-2027';
    await envelopeCommand(api, a.admin, `/envelopes/${national}/notify`, { ae: '150000000.00', cp: '50000000.00', reason: 'LFI 2023' });
    const child13 = await envelopeCommand(api, a.admin, '/envelopes', {
      fund: 'fip',
      territoryCode: 'academie-13',
      year: 2023,
      parentId: national,
    });
    expect(child13.status).toBe(201);
    const allocationKey = key('alloc');
    const allocation = await envelopeCommand(
      api,
      a.admin,
      `/envelopes/${national}/allocate`,
      { childId: 'fip-academie-13-2023', ae: '3000000.00', cp: '1000000.00' },
      allocationKey,
    );
    expect(allocation.status).toBe(200);
    expect(allocation.body.target).toMatchObject({
      envelopeId: 'fip-academie-13-2023',
      replayed: false,
      outcome: [{ type: 'envelope.allocation_received' }],
    });
    const again = await envelopeCommand(
      api,
      a.admin,
      `/envelopes/${national}/allocate`,
      { childId: 'fip-academie-13-2023', ae: '3000000.00', cp: '1000000.00' },
      allocationKey,
    );
    expect(again.body).toMatchObject({ replayed: true, target: { replayed: true } });
    const child = await api.request('GET', '/envelopes/fip-academie-13-2023', { token: a.admin });
    expect(child.body.ae).toMatchObject({ receivedCents: 300_000_000, availableCents: 300_000_000 });
    const parent = await api.request('GET', `/envelopes/${national}`, { token: a.admin });
    expect(parent.body.ae).toMatchObject({ allocatedCents: 300_000_000, availableCents: 15_000_000_000 - 300_000_000 });

    expect(
      (await envelopeCommand(api, a.admin, '/envelopes', { fund: 'fip', territoryCode: 'academie-14', year: 2023, parentId: national }))
        .status,
    ).toBe(201);
    const moved = await envelopeCommand(api, a.admin, '/envelopes/fip-academie-13-2023/transfer', {
      toId: 'fip-academie-14-2023',
      ae: '500000.00',
      cp: '0.00',
      reason: 'Projets prêts dans l’autre académie',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.target).toMatchObject({ envelopeId: 'fip-academie-14-2023', outcome: [{ type: 'envelope.transfer_received' }] });
    const tooMuch = await envelopeCommand(api, a.admin, '/envelopes/fip-academie-13-2023/transfer', {
      toId: 'fip-academie-14-2023',
      ae: '2500000.01',
      cp: '0.00',
      reason: 'x',
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'ENVELOPE_INSUFFICIENT_AE', availableCents: 250_000_000, requestedCents: 250_000_001 });
    const sibling = await api.request('GET', '/envelopes/fip-academie-14-2023', { token: a.admin });
    expect(sibling.body.ae).toMatchObject({ transferredInCents: 50_000_000, availableCents: 50_000_000 });
  });
});
