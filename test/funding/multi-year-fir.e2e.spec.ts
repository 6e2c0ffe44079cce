import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { signAwardAct } from '../support/award-act.js';
import { healthIntention } from '../support/demo-fixtures.js';
import { declareAndValidate } from '../support/validated-project.js';
import { type Actors, actors } from './funding-flow.js';
import { commitAct } from './award-flow.js';
import { Books } from './multi-year-books.js';
import { euros, expectBooks, getEnvelope, historyOf, moveClockTo, ok, paidPerYear, refusedWithoutWriting } from './multi-year-flow.js';

/** The €30M reserved nationally on the FIR for the CNR santé, "pérennisée sur le plan pluriannuel" (seeds; the term is ours). */
const NATIONAL = 'fir-national-2023-2027';
/** ARS Grand Est (44): €1M of FIR in 2023, the CNR going on in 2024 and 2025 (seeds). */
const GRAND_EST = 'fir-ars-44-2023-2025';
/** ARS Hauts-de-France (32): its €2.6M, split indicatively over its CTS (seeds). */
const HAUTS_DE_FRANCE = 'fir-ars-32-2023-2025';
const IDS = [NATIONAL, GRAND_EST, HAUTS_DE_FRANCE];

describe('the national €30M FIR reserve, multi-year: an MSP’s grant paid across the close of 2023, the FIR carrying all', () => {
  let api: ApiHarness;
  let a: Actors;
  let ars: { finance: string; accountant: string };
  let projectId: string;
  let actId: string;
  const books = new Books();
  const on = (id: string, op: string) => `/envelopes/${id}/${op}`;
  const check = () => expectBooks(api, a.admin, books, IDS);

  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    ars = {
      finance: await api.token({ role: 'finance', sub: 'finance-ars-grand-est', scope: { regions: ['44'] } }),
      accountant: await api.token({ role: 'accountant', sub: 'comptable-ars-grand-est', scope: { regions: ['44'] } }),
    };
  });
  afterAll(async () => {
    await api.close();
  });

  it('2023: the reserve notified, delegated to two ARS; the budget annex’s rule (AE and CP all carried) shown on each', async () => {
    const period = { fromYear: 2023, toYear: 2027 };
    const opened = await ok(api, a.admin, '/envelopes', { fund: 'fir', territoryCode: 'national', period, ceiling: '30000000.00' }, 201);
    expect(opened.balance).toMatchObject({ envelopeId: NATIONAL, ceilingCents: 3_000_000_000 });
    for (const [code, label] of [
      ['ars-44', 'FIR CNR santé – ARS Grand Est'],
      ['ars-32', 'FIR CNR santé – ARS Hauts-de-France'],
    ]) {
      const child = { fund: 'fir', territoryCode: code, period: { fromYear: 2023, toYear: 2025 }, parentId: NATIONAL, label };
      expect((await ok(api, a.admin, '/envelopes', child, 201)).balance.carryOver).toEqual({ ae: { mode: 'all' }, cp: { mode: 'all' } });
    }
    books.open(NATIONAL, 2023, 2027, 'all');
    books.open(GRAND_EST, 2023, 2025, 'all');
    books.open(HAUTS_DE_FRANCE, 2023, 2025, 'all');
    await ok(api, a.admin, on(NATIONAL, 'notify'), { ae: '30000000.00', cp: '30000000.00', reason: 'Enveloppe réservée CNR santé' });
    books.notify(NATIONAL, 3_000_000_000, 3_000_000_000);
    await ok(api, a.admin, on(NATIONAL, 'allocate'), { childId: GRAND_EST, ae: '1000000.00', cp: '1000000.00' });
    books.allocate(NATIONAL, GRAND_EST, 100_000_000, 100_000_000);
    await ok(api, a.admin, on(NATIONAL, 'allocate'), { childId: HAUTS_DE_FRANCE, ae: '2600000.00', cp: '2600000.00' });
    books.allocate(NATIONAL, HAUTS_DE_FRANCE, 260_000_000, 260_000_000);
    await check();
  });

  it('2023: the MSP’s €40,000 over 2023–2024, its act found on the multi-year ARS envelope, the EJ recorded', async () => {
    const send = async (method: 'POST' | 'PATCH', path: string, token: string, body: unknown) => {
      const res = await api.request(method, path, { token, body });
      return { status: res.status, body: res.body };
    };
    const tokens = { holder: a.holder, validator: a.arsValidator, decider: a.arsDecider };
    projectId = await declareAndValidate(send, tokens, {
      intention: healthIntention(),
      requestedCents: 4_500_000,
      grantedCents: 4_000_000,
    });
    const act = await signAwardAct(api, { holder: a.holder, finance: ars.finance, decider: a.arsDecider }, projectId, {
      exercises: { first: 2023, last: 2024 },
    });
    expect(act).toMatchObject({ envelopeId: GRAND_EST, status: 'signed' });
    actId = act.actId;
    expect((await commitAct(api, ars.finance, GRAND_EST, projectId)).status).toBe(200);
    books.commit(GRAND_EST, 4_000_000);
    await check();
  });

  it('closing 2023 with the advance ordered and unpaid: refused, listing it, nothing written; confirmed with a reason', async () => {
    moveClockTo(api, '2023-12-20T09:00:00Z');
    const line = { commitmentRef: actId, instalment: 1, amount: '20000.00' };
    await ok(api, ars.finance, on(GRAND_EST, 'service-done'), { ...line, reference: 'Démarrage de la permanence constaté' });
    books.certify(GRAND_EST, 2_000_000);
    await ok(api, ars.finance, on(GRAND_EST, 'order-payment'), { ...line, orderRef: 'DP-ARS44-2023-0311' });
    const refused = await refusedWithoutWriting(api, ars.finance, on(GRAND_EST, 'close-year'), { year: 2023 }, IDS, a.admin);
    expect(refused).toMatchObject({
      status: 409,
      code: 'ENVELOPE_UNPAID_ORDERS',
      orders: [{ commitmentRef: actId, orderRef: 'DP-ARS44-2023-0311', amountCents: 2_000_000 }],
    });

    moveClockTo(api, '2024-01-08T09:00:00Z');
    const reason = 'Mandat transmis au comptable le 29 décembre : payé sur les CP 2024';
    await ok(api, ars.finance, on(GRAND_EST, 'close-year'), { year: 2023, unpaidOrdersReason: reason });
    const carried = books.close(GRAND_EST);
    // The budget annex's rule: every unused euro goes on, CP included (€1M, nothing was paid in 2023).
    expect([carried.aeCarried, carried.cpCarried, carried.cpLapsed]).toEqual([96_000_000, 100_000_000, 0]);
    const close = (await historyOf(api, a.admin, GRAND_EST)).find((e) => e.type === 'envelope.year_closed')!;
    expect(close.summary).toContain(`report ${euros(96_000_000)} d'AE et ${euros(100_000_000)} de CP`);
    expect(close.summary).toContain('(règle de report : AE en totalité, CP en totalité)');
    expect(close.summary).toContain(`1 ordre(s) de payer non payé(s) (${euros(2_000_000)}), payé(s) sur les CP de l'exercice suivant`);
    expect(close.why).toBe(reason);
    await check();
  });

  it('2024: the order of 2023 paid from 2024 CP; a transfer from an ARS still in 2023 is refused; the reserve closes 2023', async () => {
    moveClockTo(api, '2024-01-22T09:00:00Z');
    await ok(api, ars.accountant, on(GRAND_EST, 'pay'), { commitmentRef: actId, orderRef: 'DP-ARS44-2023-0311' });
    books.pay(GRAND_EST, 2_000_000);
    const balance = await getEnvelope(api, a.admin, GRAND_EST);
    expect(paidPerYear(balance)).toEqual([
      [2023, 0],
      [2024, 2_000_000],
    ]);

    const transfer = { toId: GRAND_EST, ae: '100000.00', cp: '100000.00', reason: 'Redéploiement entre ARS' };
    const late = await refusedWithoutWriting(api, a.admin, on(HAUTS_DE_FRANCE, 'transfer'), transfer, IDS, a.admin);
    expect(late).toMatchObject({ status: 409, code: 'ENVELOPE_EXERCISE_MISMATCH', year: 2023, targetYear: 2024 });

    await ok(api, a.admin, on(NATIONAL, 'close-year'), { year: 2023 });
    const reserve = books.close(NATIONAL);
    expect([reserve.aeCarried, reserve.cpCarried]).toEqual([2_640_000_000, 2_640_000_000]); // €26.4M of AE and of CP go on
    await check();
  });
});
