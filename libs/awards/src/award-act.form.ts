import type { AwardActForm, Exercises, LegalStatus } from './award-act.events.js';

/** Décret 2001-495, art. 1: a convention above €23,000 a year for a private-law beneficiary. Configuration may change it. */
export const DEFAULT_CONVENTION_RULE: ConventionRule = { aboveAnnualCents: 2_300_000, forLegalStatus: ['private'] };

export interface ConventionRule {
  /** Strictly above this annual amount, a convention is needed. */
  aboveAnnualCents: number;
  /** For payees of these legal statuses. */
  forLegalStatus: readonly LegalStatus[];
}

export const exerciseCount = (e: Exercises) => e.last - e.first + 1;

/** The grant's annual amount: its amount spread over the exercises it covers (rounded up: the rule is "exceeds"). */
export const annualAmountCents = (amountCents: number, exercises: Exercises) => Math.ceil(amountCents / exerciseCount(exercises));

export function awardActFormFor(amountCents: number, exercises: Exercises, payee: LegalStatus, rule: ConventionRule): AwardActForm {
  return annualAmountCents(amountCents, exercises) > rule.aboveAnnualCents && rule.forLegalStatus.includes(payee) ? 'convention' : 'arrete';
}

/** The legal status an organisation kind implies; undefined where it depends on the body (a hospital may be either). */
export function legalStatusOfKind(kind: string): LegalStatus | undefined {
  if (['ecole', 'college', 'lycee', 'lycee_professionnel', 'eple', 'collectivite'].includes(kind)) return 'public';
  if (['association', 'msp', 'cpts'].includes(kind)) return 'private';
  return undefined;
}
