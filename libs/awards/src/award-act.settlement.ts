import { formatEuros } from '#funding';
import type { AwardAct } from './award-act.state.js';

/** What is still open on a grant before its project can be closed (each a rule, an amount, a French sentence). */
export interface SettlementGap {
  rule: 'ej-recorded' | 'report-reviewed' | 'balance-paid' | 'overpayment-recovered' | 'unused-released';
  amountCents?: number;
  detail: string;
}

/** The commitment's net figures on the envelope (undefined: no EJ recorded). */
export interface CommitmentFigures {
  netCommittedCents: number;
  netPaidCents: number;
  /** What recovery orders issued on it still claim (absent: none). */
  recoveryOutstandingCents?: number;
}

/**
 * A project is settled when everything due is paid or recovered and the report reviewed: the EJ recorded, the review
 * done, the net paid equal to what the review made due, and nothing left committed beyond it (released: désengagement).
 * A €0 act (human support only) has nothing to settle.
 */
export function settlementGaps(act: AwardAct, c: CommitmentFigures | undefined): SettlementGap[] {
  if (act.amountCents === 0) return [];
  if (!c) return [{ rule: 'ej-recorded', detail: 'l’engagement juridique n’est pas enregistré' }];
  const review = act.review;
  if (!review) return [{ rule: 'report-reviewed', detail: 'le compte rendu financier n’est pas examiné' }];
  const gaps: SettlementGap[] = [];
  const due = review.dueCents;
  if (c.netPaidCents < due) {
    gaps.push({ rule: 'balance-paid', amountCents: due - c.netPaidCents, detail: `reste à payer ${formatEuros(due - c.netPaidCents)}` });
  }
  if (c.netPaidCents > due) {
    const over = c.netPaidCents - due;
    const titled = Math.min(over, c.recoveryOutstandingCents ?? 0);
    const title =
      titled === 0
        ? 'aucun titre de recette émis'
        : titled < over
          ? `titre émis pour ${formatEuros(titled)}, ${formatEuros(over - titled)} à titrer`
          : 'titre émis, à recouvrer par le comptable';
    gaps.push({ rule: 'overpayment-recovered', amountCents: over, detail: `reste à recouvrer ${formatEuros(over)} (${title})` });
  }
  const unused = c.netCommittedCents - Math.max(c.netPaidCents, due);
  if (unused > 0) gaps.push({ rule: 'unused-released', amountCents: unused, detail: `AE à désengager ${formatEuros(unused)}` });
  return gaps;
}
