import { expect } from '@jest/globals';
import { type EnvelopeState, envelopeBalance, envelopeInvariantViolations } from '../src/index.js';
import {
  type CommitmentModel,
  type EnvelopeModel,
  certifiedOf,
  freeAe,
  freeCp,
  outstandingOf,
  paidOf,
  remainingToPay,
} from './envelope.model.js';
import type { World } from './envelope.world.js';

const sum = (values: number[]) => values.reduce((t, v) => t + v, 0);
const sumRows = <T extends object>(rows: T[]): T =>
  rows.reduce((t, row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, ((t as Record<string, number>)[k] ?? 0) + v])) as T);

/** The balance the model expects GET /envelopes/:id to show: every figure of every exercise, the totals, the commitments. */
export function expectedBalance(m: EnvelopeModel) {
  const years = Object.values(m.years)
    .sort((a, b) => a.year - b.year)
    .map((y) => ({ year: y.year, closed: y.closed, ae: { ...y.ae, available: freeAe(y.ae) }, cp: { ...y.cp, available: freeCp(y.cp) } }));
  const all = Object.values(m.commitments);
  const committedCents = sum(all.map((c) => c.committed - c.released));
  const paidCents = sum(all.map((c) => paidOf(c) - c.recovered));
  const splitCommitted = (key: string) => sum(all.filter((c) => c.splitKey === key).map((c) => c.committed - c.released));
  return {
    status: m.status,
    currentYear: m.currentYear,
    ceilingCents: m.ceiling,
    years,
    ae: sumRows(years.map((y) => y.ae)),
    cp: sumRows(years.map((y) => y.cp)),
    commitments: {
      count: all.length,
      committedCents,
      certifiedCents: sum(all.map((c) => certifiedOf(c) - c.recovered)),
      paidCents,
      remainingToPayCents: remainingToPay(m),
      recoveryOutstandingCents: sum(all.map(outstandingOf)),
    },
    children: Object.entries(m.children)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([envelopeId, c]) => ({ envelopeId, aeCents: c.ae, cpCents: c.cp })),
    split: m.split && {
      mode: m.split.mode,
      shares: Object.entries(m.split.shares).map(([key, shareCents]) => {
        const committed = splitCommitted(key);
        return { key, shareCents, committedCents: committed, exceeded: committed > shareCents };
      }),
    },
  };
}

/** One commitment as the model keeps it, in the shape `commitmentView` reads the folded state into. */
function modelView(c: CommitmentModel) {
  const lines = Object.entries(c.lines).filter(([, l]) => l.certified > 0);
  return {
    ref: c.ref,
    figures: [c.committed, c.released, certifiedOf(c), paidOf(c), c.recovered],
    lines: Object.fromEntries(lines.map(([n, l]) => [n, [l.certified, l.ordered, l.paid, [...l.certifiedBy].sort()]])),
    orders: Object.fromEntries(Object.entries(c.orders).map(([r, o]) => [r, [o.instalment, o.amount, o.orderedBy, o.paidBy]])),
    titles: Object.fromEntries(Object.entries(c.titles).map(([r, t]) => [r, [t.amount, t.collected, t.orderedBy]])),
    byYear: [c.paidByYear, c.restoredByYear],
    amendments: c.amendments,
  };
}

function commitmentViews(state: EnvelopeState) {
  if (state.status === 'none') return [];
  return [...state.commitments].map((c) => ({
    ref: c.ref,
    figures: [c.committed, c.released, c.serviceDone, c.paid, c.recovered],
    lines: Object.fromEntries(Object.entries(c.lines).map(([n, l]) => [n, [l.certified, l.ordered, l.paid, [...l.certifiedBy].sort()]])),
    orders: Object.fromEntries(Object.entries(c.orders).map(([r, o]) => [r, [o.instalment, o.amountCents, o.orderedBy, o.paidBy]])),
    titles: Object.fromEntries(Object.entries(c.titles).map(([r, t]) => [r, [t.amountCents, t.collectedCents, t.orderedBy]])),
    byYear: [c.paidByYear, c.restoredByYear],
    amendments: c.amendments,
  }));
}

/** The domain rules, on the model alone (plus those each event was checked against as it came in). */
export function modelRuleViolations(m: EnvelopeModel): string[] {
  const broken = [...m.violations];
  const rule = (ok: boolean, what: string) => {
    if (!ok) broken.push(`${m.id}: ${what}`);
  };
  for (const y of Object.values(m.years)) {
    for (const [k, v] of [...Object.entries(y.ae), ...Object.entries(y.cp)]) rule(Number.isSafeInteger(v) && v >= 0, `${y.year} ${k} >= 0`);
    rule(freeAe(y.ae) >= 0 && freeCp(y.cp) >= 0, `${y.year}: nothing used beyond what came in`);
    if (y.closed) rule(freeAe(y.ae) === 0 && freeCp(y.cp) === 0, `${y.year}: a closed exercise keeps nothing available`);
  }
  for (const c of Object.values(m.commitments)) {
    const paid = paidOf(c);
    rule(c.released <= c.committed, `${c.ref}: released <= committed`);
    rule(certifiedOf(c) - c.recovered <= c.committed - c.released, `${c.ref}: certified <= committed (net)`);
    rule(c.recovered <= paid, `${c.ref}: recovered <= paid`);
    for (const [n, l] of Object.entries(c.lines)) {
      const orders = Object.values(c.orders).filter((o) => o.instalment === Number(n));
      rule(l.paid <= l.ordered && l.ordered <= l.certified, `${c.ref}/${n}: paid <= ordered <= certified`);
      rule(l.cap === null || l.certified <= l.cap, `${c.ref}/${n}: certified <= the schedule's amount`);
      rule(sum(orders.map((o) => o.amount)) === l.ordered, `${c.ref}/${n}: the orders sum to what was ordered`);
      rule(sum(orders.filter((o) => o.paidBy !== null).map((o) => o.amount)) === l.paid, `${c.ref}/${n}: paid orders sum to paid`);
    }
    for (const [r, t] of Object.entries(c.titles)) rule(t.collected <= t.amount, `${c.ref}: title ${r} collected <= its amount`);
    rule(sum(Object.values(c.titles).map((t) => t.collected)) === c.recovered, `${c.ref}: recovered is what the titles collected`);
    for (const [year, restored] of Object.entries(c.restoredByYear))
      rule(restored <= (c.paidByYear[Number(year)] ?? 0), `${c.ref}: CP restored in ${year} only for payments of ${year}`);
  }
  m.closes.forEach((close, k) => {
    rule(close.year === m.fromYear + k, `the exercises close in turn (${close.year})`);
    rule(close.unpaidOrders === 0 || close.reason !== null, `${close.year} closed on unpaid orders with a reason`);
  });
  if (m.status === 'closed') {
    rule(remainingToPay(m) === 0 && m.closes.length === m.toYear - m.fromYear + 1, 'closed: nothing left to pay');
    rule(
      Object.values(m.commitments).every((c) => outstandingOf(c) === 0),
      'closed: no recovery order left to collect',
    );
  }
  return broken;
}

/** A stable JSON (keys sorted): comparing two of them is far cheaper than a deep toEqual, which only runs to show a diff. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
function same(actual: unknown, expected: unknown): void {
  if (canonical(actual) !== canonical(expected)) expect(actual).toEqual(expected);
}

/**
 * After every step, for every envelope the step wrote to: (a) the ledger sums, (b) the balance and the commitments,
 * (c) the invariants, (d) the model's rules. An envelope no event reached is the same object as before (runStep checks it).
 */
export function checkWorld(w: World, checked: number[]): void {
  w.states.forEach((state, k) => {
    if (checked[k] === w.events[k]!.length) return;
    checked[k] = w.events[k]!.length;
    const m = w.models[k]!;
    same(modelRuleViolations(m), []);
    const years = Object.values(m.years);
    same(
      Object.keys(w.sums[k]!).filter((year) => !m.years[Number(year)]),
      [],
    );
    same(
      years.map((y) => [y.year, w.sums[k]![y.year] ?? { ae: 0, cp: 0 }]),
      years.map((y) => [y.year, { ae: freeAe(y.ae), cp: freeCp(y.cp) }]),
    );
    const { status, currentYear, ceilingCents, years: byYear, ae, cp, commitments, children, split } = envelopeBalance(state)!;
    same({ status, currentYear, ceilingCents, years: byYear, ae, cp, commitments, children, split }, expectedBalance(m));
    same(commitmentViews(state), Object.values(m.commitments).map(modelView));
    same(envelopeInvariantViolations(state), []);
  });
  const [parent, ...children] = w.models;
  const received = sum(children.flatMap((c) => Object.values(c.years).map((y) => y.ae.received)));
  same(received, sum(Object.values(parent!.years).map((y) => y.ae.allocated))); // every allocation completed
}

/** Every broken rule of the model and every invariant violation of the folded states (what the known issues break). */
export const violationsOf = (w: World): string[] =>
  w.states.flatMap((state, k) => [...modelRuleViolations(w.models[k]!), ...envelopeInvariantViolations(state)]);
