import type { Cents } from '#funding';

/**
 * The payment schedule the process runs: `advancePercent` of the granted amount is paid when financing starts,
 * the balance after the final report. The advance is paid with service done certified by the process itself
 * (an advance on a subsidy: the "service" is the start of the project, not yet the work), so the ledger keeps
 * certified ≥ paid; the final report then fixes what was really spent.
 */
export interface PaymentSchedule {
  advancePercent: number;
}

export const DEFAULT_SCHEDULE: PaymentSchedule = { advancePercent: 50 };

/** Rounded down to the cent: the balance instalment takes the odd cent. */
export function advanceCents(grantedCents: Cents, schedule: PaymentSchedule = DEFAULT_SCHEDULE): Cents {
  return Number((BigInt(grantedCents) * BigInt(schedule.advancePercent)) / 100n);
}

/** A commitment's net figures (cents): committed − released, paid − recovered. */
export interface CommitmentFigures {
  committedCents: Cents;
  paidCents: Cents;
}

export type SettlementOperation =
  { kind: 'pay'; amountCents: Cents } | { kind: 'recover'; amountCents: Cents; reason: string } | { kind: 'release'; reason: string };

/**
 * What closing the money of a project takes, once its spending is known (final report) or it is abandoned
 * (spent = 0): the justified amount is min(spent, committed); pay what is justified and unpaid, or order the
 * recovery (reversement) of what was paid beyond it; then release whatever of the commitment is left unused.
 */
export function planSettlement(c: CommitmentFigures, spentCents: Cents, why: 'final_report' | 'withdrawn'): SettlementOperation[] {
  const justified = Math.min(spentCents, c.committedCents);
  const ops: SettlementOperation[] = [];
  if (justified > c.paidCents) ops.push({ kind: 'pay', amountCents: justified - c.paidCents });
  if (c.paidCents > justified) {
    const excess = c.paidCents - justified;
    ops.push({
      kind: 'recover',
      amountCents: excess,
      reason:
        why === 'withdrawn'
          ? `ordre de reversement : projet abandonné, ${excess} centimes versés sans emploi`
          : `ordre de reversement : dépenses justifiées ${justified} centimes, versé ${c.paidCents} centimes`,
    });
  }
  ops.push({
    kind: 'release',
    reason: why === 'withdrawn' ? 'projet abandonné : engagement non utilisé' : 'solde de l’engagement non utilisé après le bilan final',
  });
  return ops;
}
