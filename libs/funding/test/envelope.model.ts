import type { CarryOverPolicy, EnvelopeEvent } from '../src/index.js';

/**
 * An independent model of one envelope for the property test: a plain running bookkeeping of what was accepted, kept
 * from the accepted events without evolve and without the decider's helpers (the sums are its own). As each event comes
 * in it checks the domain rules the event must honour against what the model knew before it (`violations`).
 */
export interface AeModel {
  notified: number;
  reduced: number;
  received: number;
  transferredIn: number;
  transferredOut: number;
  allocated: number;
  committed: number;
  released: number;
  carriedIn: number;
  carriedOut: number;
  lapsed: number;
}
export type CpModel = Omit<AeModel, 'committed' | 'released'> & { paid: number; recovered: number; receipts: number };
export interface YearModel {
  year: number;
  closed: boolean;
  ae: AeModel;
  cp: CpModel;
}
export interface LineModel {
  /** The schedule's amount for the instalment (null: not broken down). */
  cap: number | null;
  certified: number;
  certifiedBy: string[];
  ordered: number;
  paid: number;
}
export interface CommitmentModel {
  ref: string;
  splitKey: string | null;
  committed: number;
  released: number;
  recovered: number;
  lines: Record<number, LineModel>;
  orders: Record<string, { instalment: number; amount: number; orderedBy: string; paidBy: string | null; paidIn: number | null }>;
  paidByYear: Record<number, number>;
  restoredByYear: Record<number, number>;
  titles: Record<string, { amount: number; collected: number; orderedBy: string }>;
  /** The numbers of the act's amendments the EJ follows. */
  amendments: number[];
}
export interface CloseModel {
  year: number;
  unpaidOrders: number;
  reason: string | null;
  cpDecided: number | null;
}
export interface EnvelopeModel {
  id: string;
  fromYear: number;
  toYear: number;
  ceiling: number | null;
  carryOver: CarryOverPolicy;
  status: 'open' | 'closed';
  currentYear: number;
  years: Record<number, YearModel>;
  commitments: Record<string, CommitmentModel>;
  ejNumbers: string[];
  children: Record<string, { ae: number; cp: number }>;
  split: { mode: 'soft' | 'hard'; shares: Record<string, number> } | null;
  closes: CloseModel[];
  violations: string[];
}

const zeroAe = (): AeModel => ({
  notified: 0,
  reduced: 0,
  received: 0,
  transferredIn: 0,
  transferredOut: 0,
  allocated: 0,
  committed: 0,
  released: 0,
  carriedIn: 0,
  carriedOut: 0,
  lapsed: 0,
});
const zeroCp = (): CpModel => {
  const { committed: _c, released: _r, ...rest } = zeroAe();
  return { ...rest, paid: 0, recovered: 0, receipts: 0 };
};
export const newYear = (year: number): YearModel => ({ year, closed: false, ae: zeroAe(), cp: zeroCp() });

/** AE still free to commit in a year: what came in, less what went out or was used. */
export const freeAe = (a: AeModel): number =>
  a.notified -
  a.reduced +
  a.received +
  a.transferredIn +
  a.carriedIn +
  a.released -
  (a.transferredOut + a.allocated + a.committed + a.carriedOut + a.lapsed);
/** CP still free to pay: the same, paid in place of committed, restored in place of released; receipts restore nothing. */
export const freeCp = (c: CpModel): number =>
  c.notified -
  c.reduced +
  c.received +
  c.transferredIn +
  c.carriedIn +
  c.recovered -
  (c.transferredOut + c.allocated + c.paid + c.carriedOut + c.lapsed);

const total = (values: Iterable<number>): number => [...values].reduce((t, v) => t + v, 0);
export const certifiedOf = (c: CommitmentModel): number => total(Object.values(c.lines).map((l) => l.certified));
export const paidOf = (c: CommitmentModel): number => total(Object.values(c.lines).map((l) => l.paid));
export const outstandingOf = (c: CommitmentModel): number => total(Object.values(c.titles).map((t) => t.amount - t.collected));
/** Committed, not yet certified (net of releases and of what recoveries un-certified). */
export const unusedOfModel = (c: CommitmentModel): number => c.committed - c.released - (certifiedOf(c) - c.recovered);
export const remainingToPay = (m: EnvelopeModel): number =>
  total(Object.values(m.commitments).map((c) => c.committed - c.released - (paidOf(c) - c.recovered)));
export const unpaidOrdersOf = (m: EnvelopeModel) =>
  Object.values(m.commitments)
    .flatMap((c) => Object.entries(c.orders).map(([orderRef, o]) => ({ commitmentRef: c.ref, orderRef, amountCents: o.amount, o })))
    .filter((x) => x.o.paidBy === null)
    .map(({ commitmentRef, orderRef, amountCents }) => ({ commitmentRef, orderRef, amountCents }))
    .sort((a, b) => (a.commitmentRef + a.orderRef < b.commitmentRef + b.orderRef ? -1 : 1));

export function openModel(event: Extract<EnvelopeEvent, { type: 'envelope.opened' }>): EnvelopeModel {
  const d = event.data;
  return {
    id: d.envelopeId,
    fromYear: d.period.fromYear,
    toYear: d.period.toYear,
    ceiling: d.ceilingCents,
    carryOver: d.carryOver,
    status: 'open',
    currentYear: d.period.fromYear,
    years: { [d.period.fromYear]: newYear(d.period.fromYear) },
    commitments: {},
    ejNumbers: [],
    children: {},
    split: d.split && { mode: d.split.mode, shares: { ...d.split.shares } },
    closes: [],
    violations: [],
  };
}

/** The most of `unused` a carry-over rule lets go on (`base`: the credits the year received from outside). */
export function carryCap(rule: CarryOverPolicy['ae'], unused: number, base: number): number {
  if (rule.mode === 'all') return unused;
  if (rule.mode === 'none') return 0;
  return Math.min(unused, Math.floor((Math.max(0, base) * rule.percent) / 100));
}
