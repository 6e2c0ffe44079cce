import { type CommandContext, type Decider, DomainError, invalid } from '#kernel';
import { type Period, formatEuros } from '#funding';
import { type AwardActEvent, type AwardActPayee, type AwardActSignature, awardActIdOf } from './award-act.events.js';
import { type ConventionRule, awardActFormFor } from './award-act.form.js';
import { assertCanCountersign, assertCanDraftAwardAct, assertCanSignAwardAct } from './award-act.policy.js';
import { type AwardAct, type AwardActState, evolveAwardAct, initialAwardActState } from './award-act.state.js';
import { checkCents, checkExercises, checkReportDueOn, checkSchedule, checkText } from './award-act.validation.js';
import { defaultSchedule } from './award-act.schedule.js';
import { type OpenReviewOnWithdrawal, type ReviewReport, decideReview, openReview } from './award-act.review.js';
import { type AmendAwardAct, type CountersignAmendment, amend, countersignAmendment } from './award-act.amendment.js';

/** What the application read before drafting: the project's decision and the envelope chosen. */
export interface DraftFacts {
  projectStatus: string;
  decidedAmountCents: number;
  beneficiaryId: string;
  payee: AwardActPayee;
  envelopePeriod: Period;
  /** The exercise of the decision: the first exercise by default. */
  decisionYear: number;
  rule: ConventionRule;
}

export interface DraftAwardAct {
  type: 'DraftAwardAct';
  projectId: string;
  envelopeId: string;
  reference?: string;
  amountCents?: number;
  exercises?: { first: number; last: number };
  schedule?: unknown;
  reportDueOn?: string;
  facts: DraftFacts;
  ctx: CommandContext;
}
export interface SignAwardAct {
  type: 'SignAwardAct';
  projectId: string;
  signature: AwardActSignature;
  ctx: CommandContext;
}
export interface CountersignAwardAct {
  type: 'CountersignAwardAct';
  projectId: string;
  ctx: CommandContext;
}
export interface CancelAwardAct {
  type: 'CancelAwardAct';
  projectId: string;
  reason: string;
  /** Whether the envelope holds the act's commitment (EJ): a committed act is amended, never cancelled. */
  committed: boolean;
  ctx: CommandContext;
}
export type AwardActCommand =
  | DraftAwardAct
  | SignAwardAct
  | CountersignAwardAct
  | CancelAwardAct
  | ReviewReport
  | OpenReviewOnWithdrawal
  | AmendAwardAct
  | CountersignAmendment;

const by = (ctx: CommandContext) => ({ id: ctx.actor.id, role: ctx.actor.role });
const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('conflict', code, message, details);

function draft(c: DraftAwardAct, s: AwardActState): AwardActEvent[] {
  assertCanDraftAwardAct(c.ctx.actor, c.envelopeId);
  const f = c.facts;
  if (s.act && s.act.status !== 'cancelled') {
    throw conflict(
      'AWARD_ACT_EXISTS',
      `Le projet ${c.projectId} a déjà un acte attributif (${s.act.reference}) : modifiez-le par avenant.`,
      {
        actId: s.act.actId,
        status: s.act.status,
      },
    );
  }
  if (f.projectStatus !== 'validated' && f.projectStatus !== 'financing') {
    throw conflict('AWARD_ACT_PROJECT_NOT_DECIDED', `Le projet ${c.projectId} n’a pas de décision de financement signée.`, {
      projectStatus: f.projectStatus,
      field: 'projectId',
      rule: 'project-validated',
    });
  }
  const amountCents = c.amountCents === undefined ? f.decidedAmountCents : checkCents('amountCents', c.amountCents);
  if (amountCents > f.decidedAmountCents) {
    throw conflict(
      'AWARD_ACT_ABOVE_DECISION',
      `L’acte ne peut excéder le montant accordé par la décision (${formatEuros(f.decidedAmountCents)}).`,
      {
        field: 'amountCents',
        rule: 'at-most-the-decision',
        decidedAmountCents: f.decidedAmountCents,
        requestedCents: amountCents,
      },
    );
  }
  const exercises = checkExercises(c.exercises ?? { first: f.decisionYear, last: f.decisionYear }, f.envelopePeriod);
  if (exercises.first < f.decisionYear) {
    throw invalid('AWARD_ACT_EXERCISE_BEFORE_DECISION', 'exercises', 'from-the-decision-exercise', {
      detail: `Un acte ne peut imputer un exercice (${exercises.first}) antérieur à celui de la décision (${f.decisionYear}).`,
      decisionYear: f.decisionYear,
    });
  }
  const schedule = checkSchedule(c.schedule ?? defaultSchedule(amountCents), amountCents);
  const actId = awardActIdOf(c.projectId, s.drafts + 1);
  const data = {
    actId,
    projectId: c.projectId,
    reference: c.reference === undefined ? actId : checkText('reference', c.reference, 3, 80),
    form: awardActFormFor(amountCents, exercises, f.payee.legalStatus, f.rule),
    beneficiaryId: f.beneficiaryId,
    payee: f.payee,
    amountCents,
    decidedAmountCents: f.decidedAmountCents,
    envelopeId: c.envelopeId,
    exercises,
    schedule,
    reportDueOn: checkReportDueOn(c.reportDueOn, exercises),
    draftedBy: by(c.ctx),
    at: c.ctx.now.toISOString(),
  };
  return [{ type: 'award_act.drafted', data }];
}

function current(s: AwardActState, projectId: string): AwardAct {
  if (!s.act || s.act.status === 'cancelled') {
    throw new DomainError('not_found', 'AWARD_ACT_NOT_FOUND', `Le projet ${projectId} n’a pas d’acte attributif en cours.`, { projectId });
  }
  return s.act;
}

function sign(c: SignAwardAct, s: AwardActState): AwardActEvent[] {
  assertCanSignAwardAct(c.ctx.actor);
  const act = current(s, c.projectId);
  if (act.signature)
    throw conflict('AWARD_ACT_ALREADY_SIGNED', `L’acte ${act.reference} est déjà signé par l’autorité.`, { actId: act.actId });
  return [{ type: 'award_act.signed', data: { actId: act.actId, signature: c.signature, at: c.ctx.now.toISOString() } }];
}

function countersign(c: CountersignAwardAct, s: AwardActState): AwardActEvent[] {
  const act = current(s, c.projectId);
  if (act.form !== 'convention') {
    throw conflict('AWARD_ACT_NOT_A_CONVENTION', `L’acte ${act.reference} est un arrêté : le bénéficiaire ne le signe pas.`, {
      actId: act.actId,
    });
  }
  const organisationId = assertCanCountersign(c.ctx.actor, act);
  if (act.countersignature)
    throw conflict('AWARD_ACT_ALREADY_COUNTERSIGNED', `La convention ${act.reference} est déjà signée par le bénéficiaire.`);
  return [
    { type: 'award_act.countersigned', data: { actId: act.actId, personId: c.ctx.actor.id, organisationId, at: c.ctx.now.toISOString() } },
  ];
}

function cancel(c: CancelAwardAct, s: AwardActState): AwardActEvent[] {
  const act = current(s, c.projectId);
  assertCanDraftAwardAct(c.ctx.actor, act.envelopeId);
  if (c.committed) {
    throw conflict('AWARD_ACT_COMMITTED', `L’acte ${act.reference} est engagé (EJ enregistré) : il se modifie par avenant.`, {
      actId: act.actId,
    });
  }
  const reason = checkText('reason', c.reason, 3, 2000);
  return [{ type: 'award_act.cancelled', data: { actId: act.actId, reason, by: by(c.ctx), at: c.ctx.now.toISOString() } }];
}

export function decideAwardAct(command: AwardActCommand, state: AwardActState): AwardActEvent[] {
  switch (command.type) {
    case 'DraftAwardAct':
      return draft(command, state);
    case 'SignAwardAct':
      return sign(command, state);
    case 'CountersignAwardAct':
      return countersign(command, state);
    case 'CancelAwardAct':
      return cancel(command, state);
    case 'ReviewReport':
      return decideReview(command, current(state, command.projectId));
    case 'OpenReviewOnWithdrawal':
      return openReview(command, current(state, command.projectId));
    case 'AmendAwardAct':
      return amend(command, current(state, command.projectId));
    case 'CountersignAmendment':
      return countersignAmendment(command, current(state, command.projectId));
  }
}

export const awardActDecider: Decider<AwardActCommand, AwardActEvent, AwardActState> = {
  decide: decideAwardAct,
  evolve: evolveAwardAct,
  initialState: initialAwardActState,
};
