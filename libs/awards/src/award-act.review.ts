import { type CommandContext, DomainError, invalid } from '#kernel';
import { formatEuros } from '#funding';
import type { AwardActEvent, ReportOutcome } from './award-act.events.js';
import { assertCanDraftAwardAct } from './award-act.policy.js';
import type { AwardAct } from './award-act.state.js';

/** The funding process's bookkeeping when the holder withdraws after payments (role system: it moves no money). */
export interface OpenReviewOnWithdrawal {
  type: 'OpenReviewOnWithdrawal';
  projectId: string;
  paidCents: number;
  ctx: CommandContext;
}
/** What the application read before the review: the holder's report, the project's budget, what was paid on the act. */
export interface ReviewFacts {
  /** The compte rendu financier the holder transmitted (absent: none, e.g. after a withdrawal). */
  declaredSpendingCents: number | null;
  /** The project's total budget: the grant rate is the act's amount over it. */
  budgetCents: number;
  /** Net paid on the act's commitment (payments less recoveries). */
  paidCents: number;
}

export interface ReviewReport {
  type: 'ReviewReport';
  projectId: string;
  outcome: ReportOutcome;
  /** partly_accepted: the spending finance accepts as eligible. */
  eligibleSpendingCents?: number;
  reason: string;
  facts: ReviewFacts;
  ctx: CommandContext;
}

/**
 * What is due on the grant once the report is reviewed: the eligible spending times the grant rate (the act's amount over
 * the project's budget), never more than the act, rounded down to the cent. Accepted: the declared spending is eligible;
 * partly accepted: the spending finance fixes; refused: nothing.
 */
export function dueAfterReview(act: Pick<AwardAct, 'amountCents'>, eligibleCents: number, budgetCents: number): number {
  if (budgetCents <= 0) return Math.min(act.amountCents, eligibleCents);
  return Math.min(act.amountCents, Number((BigInt(eligibleCents) * BigInt(act.amountCents)) / BigInt(budgetCents)));
}

function eligibleOf(c: ReviewReport): number {
  const declared = c.facts.declaredSpendingCents;
  if (c.outcome === 'refused') return 0;
  if (c.outcome === 'accepted') {
    if (declared === null)
      throw new DomainError('conflict', 'AWARD_ACT_REPORT_MISSING', 'Le bilan n’a pas été transmis : il ne peut être accepté.', {});
    return declared;
  }
  const eligible = c.eligibleSpendingCents;
  if (!Number.isSafeInteger(eligible) || eligible! < 0)
    throw invalid('AWARD_ACT_INVALID_FIELD', 'eligibleSpending', 'the eligible spending, in euros');
  if (declared !== null && eligible! > declared) {
    throw invalid('AWARD_ACT_INVALID_FIELD', 'eligibleSpending', 'at most the spending declared in the report', {
      declaredSpendingCents: declared,
    });
  }
  return eligible!;
}

/** Finance reviews the compte rendu financier: accepted, partly accepted, or refused; the balance or the recovery follows. */
export function decideReview(c: ReviewReport, act: AwardAct): AwardActEvent[] {
  assertCanDraftAwardAct(c.ctx.actor, act.envelopeId);
  if (act.status !== 'signed') {
    throw new DomainError(
      'conflict',
      'AWARD_ACT_NOT_SIGNED',
      `L’acte ${act.reference} n’est pas signé : il n’y a pas de compte rendu à examiner.`,
      { actId: act.actId },
    );
  }
  if (act.review) {
    throw new DomainError('conflict', 'AWARD_ACT_REPORT_ALREADY_REVIEWED', `Le compte rendu de l’acte ${act.reference} est déjà examiné.`, {
      outcome: act.review.outcome,
    });
  }
  const reason = typeof c.reason === 'string' ? c.reason.trim() : '';
  if (reason.length < 3 || reason.length > 2000) throw invalid('AWARD_ACT_INVALID_FIELD', 'reason', 'a reason of 3 to 2000 characters');
  const eligibleSpendingCents = eligibleOf(c);
  const dueCents = dueAfterReview(act, eligibleSpendingCents, c.facts.budgetCents);
  const paidCents = c.facts.paidCents;
  const data = {
    actId: act.actId,
    outcome: c.outcome,
    declaredSpendingCents: c.facts.declaredSpendingCents,
    eligibleSpendingCents,
    budgetCents: c.facts.budgetCents,
    dueCents,
    paidCents,
    balanceCents: Math.max(0, dueCents - paidCents),
    toRecoverCents: Math.max(0, paidCents - dueCents),
    reason,
    by: { id: c.ctx.actor.id, role: c.ctx.actor.role },
    at: c.ctx.now.toISOString(),
  };
  return [{ type: 'award_act.report_reviewed', data }];
}

/** "solde dû 4 800,38 €" or "à reverser 1 200,00 €": what the review leaves to do, in French. */
export function reviewConsequence(r: { balanceCents: number; toRecoverCents: number }): string {
  if (r.toRecoverCents > 0) return `à reverser ${formatEuros(r.toRecoverCents)}`;
  return r.balanceCents > 0 ? `solde dû ${formatEuros(r.balanceCents)}` : 'rien à payer ni à reverser';
}

/** The funding process's bookkeeping on a withdrawal after payments: the review is opened, once; nothing is claimed. */
export function openReview(c: OpenReviewOnWithdrawal, act: AwardAct): AwardActEvent[] {
  if (c.ctx.actor.role !== 'system') {
    throw new DomainError(
      'forbidden',
      'AWARD_ACT_ROLE_FORBIDDEN',
      'La revue ouverte par un abandon est inscrite par le processus de financement.',
      {
        role: c.ctx.actor.role,
      },
    );
  }
  if (act.review || act.reviewOpened || c.paidCents <= 0) return [];
  return [
    {
      type: 'award_act.review_opened',
      data: { actId: act.actId, cause: 'withdrawal', paidCents: c.paidCents, at: c.ctx.now.toISOString() },
    },
  ];
}
