import type { Cents } from './money.js';
import type { Fund, Period } from './envelope.id.js';
import type { CarryOverPolicy, RecoveryTitleKind, SplitPolicy } from './envelope.events.js';
import type { CommitmentBook } from './commitment-book.js';

/**
 * What happened to one kind of credit (AE or CP) during one exercise year; every figure is a gross,
 * non-negative sum of cents. For AE, `consumed` is committed and `restored` is released; for CP,
 * `consumed` is paid and `restored` is recovered on a payment of the same exercise. `receipts` (CP only) is money paid
 * back on an earlier exercise's payment: a receipt, which restores no credit (not counted in `available`).
 */
export interface Flows {
  notified: Cents;
  reduced: Cents;
  received: Cents;
  transferredIn: Cents;
  transferredOut: Cents;
  allocated: Cents;
  consumed: Cents;
  restored: Cents;
  carriedIn: Cents;
  carriedOut: Cents;
  lapsed: Cents;
  receipts: Cents;
}

export interface YearLedger {
  year: number;
  closed: boolean;
  ae: Flows;
  cp: Flows;
}

/** One engagement juridique. Net figures: committed − released ≥ serviceDone − recovered ≥ paid − recovered ≥ 0. */
export interface Commitment {
  ref: string;
  projectId: string;
  year: number;
  splitKey: string | null;
  committed: Cents;
  released: Cents;
  serviceDone: Cents;
  paid: Cents;
  recovered: Cents;
  instalments: number;
  /** The award act and the EJ number (null on commitments recorded before award acts). */
  awardActId: string | null;
  ejNumber: string | null;
  /** The act's payment schedule (empty before award acts: certified and ordered on instalment 0, not broken down). */
  schedule: readonly { number: number; kind: string; amountCents: Cents }[];
  /** Per instalment: certified (gross), by whom, ordered and paid. */
  lines: Readonly<Record<number, InstalmentLine>>;
  /** Payment orders by their reference. */
  orders: Readonly<Record<string, PaymentOrder>>;
  /** Paid, and restored by recoveries, per exercise (what a recovery may restore of that exercise's CP). */
  paidByYear: Readonly<Record<number, Cents>>;
  restoredByYear: Readonly<Record<number, Cents>>;
  /** Recovery orders by their title's number. */
  titles: Readonly<Record<string, RecoveryTitle>>;
  /** The act's amount as the EJ follows it (at its recording, then after each amendment of the amount it follows). */
  actAmountCents: Cents;
  /** The numbers of the act's amendments the EJ was adjusted to. */
  amendments: readonly number[];
}

export interface RecoveryTitle {
  kind: RecoveryTitleKind;
  amountCents: Cents;
  collectedCents: Cents;
  orderedBy: string;
  reason: string;
}

/** What recovery orders still claim on a commitment (issued, not collected). */
export const outstandingRecoveries = (c: Commitment): Cents =>
  Object.values(c.titles).reduce((sum, t) => sum + t.amountCents - t.collectedCents, 0);

export interface InstalmentLine {
  certified: Cents;
  certifiedBy: readonly string[];
  ordered: Cents;
  paid: Cents;
}

export interface PaymentOrder {
  instalment: number;
  amountCents: Cents;
  orderedBy: string;
  paidBy: string | null;
}

export const emptyLine = (): InstalmentLine => ({ certified: 0, certifiedBy: [], ordered: 0, paid: 0 });

/** Gross sums over every commitment of the envelope, kept as events are folded (the balance needs no pass over them). */
export interface CommitmentTotals {
  committed: Cents;
  released: Cents;
  serviceDone: Cents;
  paid: Cents;
  recovered: Cents;
}

export interface OpenedEnvelope {
  status: 'open' | 'closed';
  envelopeId: string;
  fund: Fund;
  territoryCode: string;
  period: Period;
  label: string;
  parentId: string | null;
  ceilingCents: Cents | null;
  carryOver: CarryOverPolicy;
  split: SplitPolicy | null;
  /** The open exercise: every operation is booked in it. */
  currentYear: number;
  years: Record<number, YearLedger>;
  commitments: CommitmentBook;
  commitmentTotals: CommitmentTotals;
  /** Payment orders not yet paid, by `<commitmentRef> <orderRef>` (what a year close must not strand). */
  unpaidOrders: Readonly<Record<string, { commitmentRef: string; orderRef: string; amountCents: Cents }>>;
  /** Recovery orders issued and collected (gross, all commitments). */
  recoveryTotals: { ordered: Cents; collected: Cents };
  /** What this envelope allocated to each child (gross, all years). */
  children: Record<string, { aeCents: Cents; cpCents: Cents }>;
  /** AE committed net of releases, per split key. */
  splitCommitted: Record<string, Cents>;
}

/**
 * What was accepted under which request id is not kept here: the store answers a retry (idempotency ledger, event ids
 * derived from the key), so the folded state does not grow with the number of requests.
 */
export type EnvelopeState = { status: 'none' } | OpenedEnvelope;

export const initialEnvelopeState = (): EnvelopeState => ({ status: 'none' });

export const emptyCommitmentTotals = (): CommitmentTotals => ({ committed: 0, released: 0, serviceDone: 0, paid: 0, recovered: 0 });

export const emptyFlows = (): Flows => ({
  notified: 0,
  reduced: 0,
  received: 0,
  transferredIn: 0,
  transferredOut: 0,
  allocated: 0,
  consumed: 0,
  restored: 0,
  carriedIn: 0,
  carriedOut: 0,
  lapsed: 0,
  receipts: 0,
});

export const emptyYear = (year: number): YearLedger => ({ year, closed: false, ae: emptyFlows(), cp: emptyFlows() });

/** Credits the year received from outside: notified net of reductions, plus allocations from the parent. */
export function grossCredits(f: Flows): Cents {
  return f.notified - f.reduced + f.received;
}

/** What is still free to commit (AE) or to pay (CP) in the year. */
export function available(f: Flows): Cents {
  return (
    grossCredits(f) + f.transferredIn + f.carriedIn + f.restored - f.transferredOut - f.allocated - f.consumed - f.carriedOut - f.lapsed
  );
}

export function yearLedger(state: OpenedEnvelope, year = state.currentYear): YearLedger {
  return state.years[year] ?? emptyYear(year);
}

export const netCommitted = (c: Commitment): Cents => c.committed - c.released;
export const netCertified = (c: Commitment): Cents => c.serviceDone - c.recovered;
export const netPaid = (c: Commitment): Cents => c.paid - c.recovered;
/** The part of a commitment not yet certified: what may be released or certified. */
export const unusedOf = (c: Commitment): Cents => netCommitted(c) - netCertified(c);
/** What stays to pay on a commitment (restes à payer): committed net of releases, less paid net of recoveries. */
export const remainingToPayOf = (c: Commitment): Cents => netCommitted(c) - netPaid(c);
/** The same over all the envelope's commitments, from the totals kept as events are folded (no pass over them). */
export const envelopeRemainingToPay = (s: OpenedEnvelope): Cents => {
  const t = s.commitmentTotals;
  return t.committed - t.released - (t.paid - t.recovered);
};
/** What the envelope's recovery orders still claim (issued, not yet collected). */
export const envelopeRecoveryOutstanding = (s: OpenedEnvelope): Cents => s.recoveryTotals.ordered - s.recoveryTotals.collected;
