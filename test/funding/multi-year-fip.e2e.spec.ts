import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { type Actors, actors, envelopeCommand, transition, validatedEducationProject } from './funding-flow.js';
import { commitAct, communePaysForSchool, payInstalment, signedAwardAct } from './award-flow.js';
import { Books, ledgerSums } from './multi-year-books.js';
import { decimalEuros, euros, expectBooks, getEnvelope, historyOf, moveClockTo, ok, paidPerYear } from './multi-year-flow.js';
import { openNationalAndChild, refusedWithoutWriting } from './multi-year-flow.js';

/** The FIP of "Notre école, faisons-la ensemble": €500M over the five-year term, ~€150M notified in 2023 (seeds). */
const NATIONAL = 'fip-national-2023-2027';
/** The académie de Nancy-Metz (12), multi-year, fed by the national envelope year by year. */
const NANCY_METZ = 'fip-academie-12-2023-2027';
const IDS = [NATIONAL, NANCY_METZ];

describe('a school project over two exercises on the multi-year FIP: 2023 advance, 2024 balance, 2025 partial recovery', () => {
  let api: ApiHarness;
  let a: Actors;
  let projectId: string;
  let actId: string;
  const books = new Books();
  const on = (id: string, op: string) => `/envelopes/${id}/${op}`;
  const check = () => expectBooks(api, a.admin, books, IDS);
  /** The clock moved on, with fresh tokens (they last a year of the app's clock). */
  const at = async (iso: string) => {
    moveClockTo(api, iso);
    a = await actors(api);
  };

  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    await communePaysForSchool(api, a);
  });
  afterAll(async () => {
    await api.close();
  });

  it('2023: the national envelope (€500M ceiling) and the académie’s, notified and delegated; the act found on it', async () => {
    const [national, academie] = await openNationalAndChild(api, a.admin, a.finance, 'fip', 'academie-12', '500000000.00');
    expect(national).toMatchObject({ envelopeId: NATIONAL, ceilingCents: 50_000_000_000, period: { fromYear: 2023, toYear: 2027 } });
    expect(academie).toMatchObject({ envelopeId: NANCY_METZ, parentId: NATIONAL, period: { fromYear: 2023, toYear: 2027 } });
    // The carry-over rule is each envelope's, declared at its opening and shown with it: AE carried, CP within 3 % (LOLF art. 15).
    for (const b of [national, academie]) expect(b.carryOver).toEqual({ ae: { mode: 'all' }, cp: { mode: 'percent', percent: 3 } });
    books.open(NATIONAL, 2023, 2027, { percent: 3 });
    books.open(NANCY_METZ, 2023, 2027, { percent: 3 });
    await ok(api, a.admin, on(NATIONAL, 'notify'), { ae: '150000000.00', cp: '150000000.00', reason: 'Notification FIP 2023' });
    books.notify(NATIONAL, 15_000_000_000, 15_000_000_000);
    await ok(api, a.admin, on(NATIONAL, 'allocate'), { childId: NANCY_METZ, ae: '4850000.00', cp: '2425000.00', reason: 'Part 2023' });
    books.allocate(NATIONAL, NANCY_METZ, 485_000_000, 242_500_000);
    await check();

    projectId = await validatedEducationProject(api, a, 1_250_000, 1_200_000, 'Une classe dehors sur deux années scolaires');
    // No envelope named: the draft proposes the multi-year académie envelope (the national one is not drawn on directly).
    const act = await signedAwardAct(api, a, projectId, { exercises: { first: 2023, last: 2024 } });
    expect(act).toMatchObject({ envelopeId: NANCY_METZ, amountCents: 1_200_000, exercises: { first: 2023, last: 2024 } });
    actId = act.actId;
    expect((await commitAct(api, a.finance, NANCY_METZ, projectId)).status).toBe(200);
    books.commit(NANCY_METZ, 1_200_000);
    await check();
  });

  it('2023: the advance ordered; the close refuses while it is unpaid, writing nothing; paid by the accountant', async () => {
    moveClockTo(api, '2023-10-02T09:00:00Z');
    const line = { commitmentRef: actId, instalment: 1, amount: '6000.00' };
    await ok(api, a.finance, on(NANCY_METZ, 'service-done'), { ...line, reference: 'PV de démarrage du 2 octobre 2023' });
    books.certify(NANCY_METZ, 600_000);
    await ok(api, a.finance, on(NANCY_METZ, 'order-payment'), { ...line, orderRef: 'DP-2023-0117' });

    const refused = await refusedWithoutWriting(api, a.finance, on(NANCY_METZ, 'close-year'), { year: 2023 }, IDS, a.admin);
    expect(refused).toMatchObject({
      status: 409,
      code: 'ENVELOPE_UNPAID_ORDERS',
      orders: [{ commitmentRef: actId, orderRef: 'DP-2023-0117', amountCents: 600_000 }],
      totalCents: 600_000,
    });

    await ok(api, a.accountant, on(NANCY_METZ, 'pay'), { commitmentRef: actId, orderRef: 'DP-2023-0117' });
    books.pay(NANCY_METZ, 600_000);
    await check();
  });

  it('closing 2023: AE carried in full, CP within 3 % of the year’s credits (a decision above: refused), the rest lapses', async () => {
    moveClockTo(api, '2024-01-10T09:00:00Z');
    const cap = books.cpCap(NANCY_METZ);
    expect(cap).toBe(7_275_000); // 3 % of the €2,425,000 delegated: €72,750 of the €2,419,000 unused
    const above = await envelopeCommand(api, a.finance, on(NANCY_METZ, 'close-year'), { year: 2023, cpCarried: decimalEuros(cap + 1) });
    expect(above.body).toMatchObject({ status: 400, code: 'ENVELOPE_CARRY_OVER_ABOVE_CAP' });
    const closed = await ok(api, a.finance, on(NANCY_METZ, 'close-year'), { year: 2023 });
    const carried = books.close(NANCY_METZ);
    expect(closed.balance.commitments.remainingToPayCents).toBe(600_000); // the balance goes on into 2024, not stranded
    // The académie is in 2024, the national envelope still in 2023: a delegation now would book 2023 credits on 2024.
    const delegation = { childId: NANCY_METZ, ae: '1.00', cp: '1.00' };
    const late = await refusedWithoutWriting(api, a.admin, on(NATIONAL, 'allocate'), delegation, IDS, a.admin);
    expect(late).toMatchObject({ status: 409, code: 'ENVELOPE_EXERCISE_MISMATCH', year: 2023, targetYear: 2024 });
    await ok(api, a.admin, on(NATIONAL, 'close-year'), { year: 2023 });
    books.close(NATIONAL);
    await check();
    const close = (await historyOf(api, a.admin, NANCY_METZ)).find((e) => e.type === 'envelope.year_closed')!;
    expect(close.summary).toContain(`report ${euros(carried.aeCarried)} d'AE et ${euros(carried.cpCarried)} de CP`);
    expect(close.summary).toContain(`crédits non reportés ${euros(0)} d'AE et ${euros(carried.cpLapsed)} de CP`);
    expect(close.summary).toContain('(règle de report : AE en totalité, CP dans la limite de 3 %)');
  });

  it('2024: notified within the €500M ceiling, delegated; the balance paid from 2024 CP, 2023 untouched', async () => {
    await at('2024-03-01T09:00:00Z');
    const over = await envelopeCommand(api, a.admin, on(NATIONAL, 'notify'), { ae: '350000000.01', cp: '0.00' });
    expect(over.body).toMatchObject({ status: 409, code: 'ENVELOPE_CEILING_EXCEEDED', availableCents: 35_000_000_000 });
    // What the seeds leave for 2024–2027 (€350M), spread evenly: a quarter of it in 2024.
    await ok(api, a.admin, on(NATIONAL, 'notify'), { ae: '87500000.00', cp: '87500000.00', reason: 'Notification FIP 2024' });
    books.notify(NATIONAL, 8_750_000_000, 8_750_000_000);
    await ok(api, a.admin, on(NATIONAL, 'allocate'), { childId: NANCY_METZ, ae: '3400000.00', cp: '2900000.00', reason: 'Part 2024' });
    books.allocate(NATIONAL, NANCY_METZ, 340_000_000, 290_000_000);
    await check();

    moveClockTo(api, '2024-07-05T09:00:00Z');
    const report = { summary: 'Classe dehors tenue sur les deux années', spentAmountCents: 1_250_000 };
    await transition(api, a.holder, projectId, 'submit_final_report', { report });
    const reviewed = await api.request('POST', `/projects/${projectId}/award-act/review`, {
      token: a.finance,
      body: { outcome: 'accepted', reason: 'Dépenses justifiées par les factures jointes' },
    });
    // €12,500 spent on a €12,500 budget: the €12,000 granted is due, €6,000 of it paid in 2023.
    expect(reviewed.body.review).toMatchObject({ dueCents: 1_200_000, balanceCents: 600_000, toRecoverCents: 0 });
    const paid2023 = (await getEnvelope(api, a.admin, NANCY_METZ)).years[0];
    await payInstalment(api, a, NANCY_METZ, actId, 2, '6000.00');
    books.certify(NANCY_METZ, 600_000);
    books.pay(NANCY_METZ, 600_000);
    const balance = await getEnvelope(api, a.admin, NANCY_METZ);
    expect(paidPerYear(balance)).toEqual([
      [2023, 600_000],
      [2024, 600_000],
    ]);
    expect(balance.years[0]).toEqual(paid2023);
    await check();
  });

  it('closing 2024 with the CP carried as decided (below the cap); 2025: a partial recovery is a receipt, not restored CP', async () => {
    await at('2025-01-09T09:00:00Z');
    const decided = 2_000_000; // €20,000 decided, the cap being 3 % of €2.9M (€87,000)
    expect(books.cpCap(NANCY_METZ)).toBe(8_700_000);
    await ok(api, a.finance, on(NANCY_METZ, 'close-year'), { year: 2024, cpCarried: '20000.00' });
    books.close(NANCY_METZ, decided);
    await ok(api, a.admin, on(NATIONAL, 'close-year'), { year: 2024 });
    books.close(NATIONAL);
    await check();

    moveClockTo(api, '2025-03-17T09:00:00Z');
    const title = { commitmentRef: actId, titleRef: 'TP-2025-000042' };
    const reason = 'Contrôle a posteriori : une facture de 1 500,00 € comptée deux fois';
    await ok(api, a.finance, on(NANCY_METZ, 'order-recovery'), { ...title, amount: '1500.00', reason });
    books.orderRecovery(NANCY_METZ, 150_000);
    await ok(api, a.accountant, on(NANCY_METZ, 'collect-recovery'), { ...title, amount: '1000.00' });
    books.collectReceipt(NANCY_METZ, 100_000);
    await check();
    const y2025 = (await getEnvelope(api, a.admin, NANCY_METZ)).years.find((y: { year: number }) => y.year === 2025);
    expect(y2025.cp).toMatchObject({ receiptsCents: 100_000, recoveredCents: 0, availableCents: 2_000_000 });
    const funding = await api.request('GET', `/projects/${projectId}/funding`, { token: a.finance });
    expect(funding.body.commitment).toMatchObject({
      recoveryOutstandingCents: 50_000,
      recoveryTitles: [{ titleRef: 'TP-2025-000042', kind: 'titre_de_perception', amountCents: 150_000, outstandingCents: 50_000 }],
    });
    const { rows } = await ledgerSums(api, a.admin);
    expect(rows.filter((r) => r.envelopeId === NANCY_METZ && r.year === 2025).map((r) => [r.operation, r.cp])).toEqual([
      ['report entrant', '20000.00'],
      ['recette (exercice antérieur)', '0.00'],
    ]);
  });

  it('the last exercise, 2027, does not close on what remains to pay (the €1,000 paid back) until it is released', async () => {
    for (const [year, when] of [
      [2025, '2026-01-08T09:00:00Z'],
      [2026, '2027-01-07T09:00:00Z'],
    ] as const) {
      await at(when);
      await ok(api, a.finance, on(NANCY_METZ, 'close-year'), { year });
      books.close(NANCY_METZ);
    }
    await at('2028-01-06T09:00:00Z');
    const stranded = await envelopeCommand(api, a.finance, on(NANCY_METZ, 'close-year'), { year: 2027 });
    expect(stranded.body).toMatchObject({
      status: 409,
      code: 'ENVELOPE_REMAINING_TO_PAY',
      remainingToPayCents: 100_000,
      commitments: [{ commitmentRef: actId, remainingToPayCents: 100_000 }],
    });
    const release = (amount: string) =>
      ok(api, a.finance, on(NANCY_METZ, 'release'), { commitmentRef: actId, amount, reason: 'Désengagement' });
    await release('1000.00');
    books.release(NANCY_METZ, 100_000);
    // Nor while the titre de perception still claims €500: once closed, the envelope could not collect it.
    const uncollected = await envelopeCommand(api, a.finance, on(NANCY_METZ, 'close-year'), { year: 2027 });
    expect(uncollected.body).toMatchObject({
      status: 409,
      code: 'ENVELOPE_RECOVERY_OUTSTANDING',
      outstandingCents: 50_000,
      titles: [{ commitmentRef: actId, titleRef: 'TP-2025-000042', outstandingCents: 50_000 }],
    });
    await ok(api, a.accountant, on(NANCY_METZ, 'collect-recovery'), { commitmentRef: actId, titleRef: 'TP-2025-000042', amount: '500.00' });
    books.collectReceipt(NANCY_METZ, 50_000);
    await release('500.00');
    books.release(NANCY_METZ, 50_000);
    const closed = await ok(api, a.finance, on(NANCY_METZ, 'close-year'), { year: 2027 });
    books.close(NANCY_METZ);
    expect(closed.balance).toMatchObject({ status: 'closed', commitments: { remainingToPayCents: 0, recoveryOutstandingCents: 0 } });
    await check();
  });
});
