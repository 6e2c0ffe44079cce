import type { Cents } from './money.js';
import type { Fund, Period } from './envelope.id.js';
import type { CarryOverPolicy } from './envelope.events.js';
import {
  type EnvelopeState,
  type Flows,
  type YearLedger,
  available,
  emptyFlows,
  envelopeRecoveryOutstanding,
  envelopeRemainingToPay,
} from './envelope.state.js';

/**
 * AE figures (cents). available = notified − reduced + received + transferredIn + carriedIn − transferredOut − allocated
 * − committed + released − carriedOut − lapsed.
 */
export interface AeBalance {
  notified: Cents;
  reduced: Cents;
  received: Cents;
  transferredIn: Cents;
  transferredOut: Cents;
  allocated: Cents;
  committed: Cents;
  released: Cents;
  carriedIn: Cents;
  carriedOut: Cents;
  lapsed: Cents;
  available: Cents;
}

/** CP figures (cents): the same with paid / recovered in place of committed / released. */
export interface CpBalance {
  notified: Cents;
  reduced: Cents;
  received: Cents;
  transferredIn: Cents;
  transferredOut: Cents;
  allocated: Cents;
  paid: Cents;
  recovered: Cents;
  /** Paid back on an earlier exercise's payment: a receipt, not restored credit (outside `available`). */
  receipts: Cents;
  carriedIn: Cents;
  carriedOut: Cents;
  lapsed: Cents;
  available: Cents;
}

export interface YearBalance {
  year: number;
  closed: boolean;
  ae: AeBalance;
  cp: CpBalance;
}

/** The balance view served by GET /envelopes/:id. Totals sum the years (carry-overs cancel out between years). */
export interface EnvelopeBalance {
  envelopeId: string;
  fund: Fund;
  territoryCode: string;
  period: Period;
  label: string;
  parentId: string | null;
  status: 'open' | 'closed';
  currentYear: number;
  ceilingCents: Cents | null;
  ae: AeBalance;
  cp: CpBalance;
  years: YearBalance[];
  commitments: {
    count: number;
    /** Net of releases; certified and paid are net of recoveries. */
    committedCents: Cents;
    certifiedCents: Cents;
    paidCents: Cents;
    /** Committed and not yet paid: what future CP must cover. */
    remainingToPayCents: Cents;
    /** What recovery orders still claim (issued, not yet collected). */
    recoveryOutstandingCents: Cents;
  };
  /** How unused credits move to the next exercise when one is closed (a declared property of the envelope). */
  carryOver: CarryOverPolicy;
  children: { envelopeId: string; aeCents: Cents; cpCents: Cents }[];
  split: { mode: 'soft' | 'hard'; shares: { key: string; shareCents: Cents; committedCents: Cents; exceeded: boolean }[] } | null;
}

const aeOf = (f: Flows): AeBalance => ({
  notified: f.notified,
  reduced: f.reduced,
  received: f.received,
  transferredIn: f.transferredIn,
  transferredOut: f.transferredOut,
  allocated: f.allocated,
  committed: f.consumed,
  released: f.restored,
  carriedIn: f.carriedIn,
  carriedOut: f.carriedOut,
  lapsed: f.lapsed,
  available: available(f),
});

const cpOf = (f: Flows): CpBalance => ({
  notified: f.notified,
  reduced: f.reduced,
  received: f.received,
  transferredIn: f.transferredIn,
  transferredOut: f.transferredOut,
  allocated: f.allocated,
  paid: f.consumed,
  recovered: f.restored,
  receipts: f.receipts,
  carriedIn: f.carriedIn,
  carriedOut: f.carriedOut,
  lapsed: f.lapsed,
  available: available(f),
});

function sumRecords<T extends AeBalance | CpBalance>(rows: T[], empty: T): T {
  const total = { ...empty } as Record<string, number>;
  for (const row of rows) for (const [k, v] of Object.entries(row) as [string, number][]) total[k] = (total[k] ?? 0) + v;
  return total as unknown as T;
}

/** undefined when no envelope was opened on the stream. */
export function envelopeBalance(state: EnvelopeState): EnvelopeBalance | undefined {
  if (state.status === 'none') return undefined;
  const years: YearBalance[] = Object.values(state.years)
    .sort((a, b) => a.year - b.year)
    .map((y: YearLedger) => ({ year: y.year, closed: y.closed, ae: aeOf(y.ae), cp: cpOf(y.cp) }));
  const totals = state.commitmentTotals;
  const committedCents = totals.committed - totals.released;
  const paidCents = totals.paid - totals.recovered;
  return {
    envelopeId: state.envelopeId,
    fund: state.fund,
    territoryCode: state.territoryCode,
    period: state.period,
    label: state.label,
    parentId: state.parentId,
    status: state.status,
    currentYear: state.currentYear,
    ceilingCents: state.ceilingCents,
    ae: sumRecords(
      years.map((y) => y.ae),
      aeOf(emptyFlows()),
    ),
    cp: sumRecords(
      years.map((y) => y.cp),
      cpOf(emptyFlows()),
    ),
    years,
    commitments: {
      count: state.commitments.size,
      committedCents,
      certifiedCents: totals.serviceDone - totals.recovered,
      paidCents,
      remainingToPayCents: envelopeRemainingToPay(state),
      recoveryOutstandingCents: envelopeRecoveryOutstanding(state),
    },
    carryOver: state.carryOver,
    children: Object.entries(state.children)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([envelopeId, c]) => ({ envelopeId, ...c })),
    split: state.split && {
      mode: state.split.mode,
      shares: Object.entries(state.split.shares).map(([key, shareCents]) => {
        const committed = state.splitCommitted[key] ?? 0;
        return { key, shareCents, committedCents: committed, exceeded: committed > shareCents };
      }),
    },
  };
}
