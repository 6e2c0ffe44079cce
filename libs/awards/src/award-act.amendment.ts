import { type CommandContext, DomainError, invalid } from '#kernel';
import { type Period, formatEuros } from '#funding';
import {
  AMENDMENT_KINDS,
  type AmendmentKind,
  type AwardActEvent,
  type AwardActPayee,
  type AwardActSignature,
  type ScheduledInstalment,
} from './award-act.events.js';
import { assertCanCountersign, assertCanSignAwardAct } from './award-act.policy.js';
import { type AwardAct, isFullySigned } from './award-act.state.js';
import { checkCents, checkExercises, checkReportDueOn, checkText, latestReportDueOn } from './award-act.validation.js';
import { defaultSchedule } from './award-act.schedule.js';

/** What the application read before the amendment: the EJ's certified amounts, the envelope's period, the new payee. */
export interface AmendmentFacts {
  /** Certified (service fait, net) per instalment of the schedule on the act's EJ (empty: no EJ yet). */
  certifiedByInstalment: Record<number, number>;
  envelopePeriod: Period;
  /** payee_change: the new payee, as the directory names it. */
  payee?: AwardActPayee;
}

export interface AmendAwardAct {
  type: 'AmendAwardAct';
  projectId: string;
  kind: AmendmentKind;
  /** increase, reduction: the act's new amount. */
  amountCents?: number;
  /** extension: the new last exercise, and the report's due day (default: 30 June after it). */
  lastExercise?: number;
  reportDueOn?: string;
  reason: string;
  signature: AwardActSignature;
  facts: AmendmentFacts;
  ctx: CommandContext;
}

export interface CountersignAmendment {
  type: 'CountersignAmendment';
  projectId: string;
  number: number;
  ctx: CommandContext;
}

const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('conflict', code, message, details);

/**
 * The schedule after a change of amount: an increase goes to the balance; a reduction comes off the last payments, never
 * below their certified part.
 */
export function amendedSchedule(
  schedule: ScheduledInstalment[],
  deltaCents: number,
  certified: Record<number, number>,
): ScheduledInstalment[] {
  if (schedule.length === 0) return defaultSchedule(deltaCents).map((s, i) => ({ ...s, number: i + 1 }));
  const next = schedule.map((s) => ({ ...s }));
  if (deltaCents > 0) next[next.length - 1]!.amountCents += deltaCents;
  let cut = -deltaCents;
  for (let i = next.length - 1; i >= 0 && cut > 0; i--) {
    const line = next[i]!;
    const take = Math.min(cut, line.amountCents - (certified[line.number] ?? 0));
    line.amountCents -= take;
    cut -= take;
  }
  return next.filter((s) => s.amountCents > 0);
}

function newTerms(c: AmendAwardAct, act: AwardAct) {
  const certified = Object.values(c.facts.certifiedByInstalment).reduce((t, x) => t + x, 0);
  if (c.kind === 'increase' || c.kind === 'reduction') {
    const amountCents = checkCents('amountCents', c.amountCents);
    const up = c.kind === 'increase';
    if (up ? amountCents <= act.amountCents : amountCents >= act.amountCents)
      throw invalid('AWARD_ACT_INVALID_FIELD', 'amountCents', `${up ? 'more' : 'less'} than the act's ${act.amountCents} cents`);
    if (amountCents < certified) {
      throw conflict(
        'AWARD_ACT_AMENDMENT_BELOW_CERTIFIED',
        `Le service fait déjà certifié (${formatEuros(certified)}) excède ce montant.`,
        {
          certifiedCents: certified,
          field: 'amountCents',
          rule: 'never-below-certified',
        },
      );
    }
    const schedule = amendedSchedule(act.schedule, amountCents - act.amountCents, c.facts.certifiedByInstalment);
    return { amountCents, schedule, exercises: act.exercises, reportDueOn: act.reportDueOn, payee: act.payee };
  }
  if (c.kind === 'extension') {
    const exercises = checkExercises({ first: act.exercises.first, last: c.lastExercise }, c.facts.envelopePeriod);
    if (exercises.last <= act.exercises.last)
      throw invalid('AWARD_ACT_INVALID_FIELD', 'lastExercise', `after ${act.exercises.last}, the act's last exercise`);
    const reportDueOn = checkReportDueOn(c.reportDueOn ?? latestReportDueOn(exercises), exercises);
    return { amountCents: act.amountCents, schedule: act.schedule, exercises, reportDueOn, payee: act.payee };
  }
  const payee = c.facts.payee;
  if (!payee) throw invalid('AWARD_ACT_INVALID_FIELD', 'payeeOrganisationId', 'the organisation the grant is paid to from now on');
  if (payee.organisationId === act.payee.organisationId)
    throw invalid('AWARD_ACT_INVALID_FIELD', 'payeeOrganisationId', 'another payee than the act’s');
  return { amountCents: act.amountCents, schedule: act.schedule, exercises: act.exercises, reportDueOn: act.reportDueOn, payee };
}

/** The authority signs an amendment (avenant) of a signed act, with its reason; one at a time. */
export function amend(c: AmendAwardAct, act: AwardAct): AwardActEvent[] {
  assertCanSignAwardAct(c.ctx.actor);
  if (!AMENDMENT_KINDS.includes(c.kind)) throw invalid('AWARD_ACT_INVALID_FIELD', 'kind', `one of ${AMENDMENT_KINDS.join(', ')}`);
  if (!isFullySigned(act))
    throw conflict('AWARD_ACT_NOT_SIGNED', `L’acte ${act.reference} n’est pas signé : modifiez le projet d’acte.`, { status: act.status });
  const pending = act.amendments.find((a) => !a.inEffect);
  if (pending)
    throw conflict('AWARD_ACT_AMENDMENT_PENDING', `L’avenant n° ${pending.number} attend la signature du bénéficiaire.`, {
      number: pending.number,
    });
  const reason = checkText('reason', c.reason, 3, 2000);
  const terms = newTerms(c, act);
  const data = {
    actId: act.actId,
    number: act.amendments.length + 1,
    kind: c.kind,
    ...terms,
    deltaCents: terms.amountCents - act.amountCents,
    reason,
    signature: c.signature,
    countersignRequired: act.form === 'convention',
    at: c.ctx.now.toISOString(),
  };
  return [{ type: 'award_act.amended', data }];
}

/** A convention's amendment is signed by the beneficiary too: then it takes effect. */
export function countersignAmendment(c: CountersignAmendment, act: AwardAct): AwardActEvent[] {
  const a = act.amendments.find((x) => x.number === c.number);
  if (!a)
    throw new DomainError('not_found', 'AWARD_ACT_AMENDMENT_NOT_FOUND', `Aucun avenant n° ${c.number} à l’acte ${act.reference}.`, {});
  const organisationId = assertCanCountersign(c.ctx.actor, act);
  if (a.inEffect) throw conflict('AWARD_ACT_AMENDMENT_IN_EFFECT', `L’avenant n° ${a.number} est déjà signé par toutes les parties.`);
  const data = { actId: act.actId, number: a.number, personId: c.ctx.actor.id, organisationId, at: c.ctx.now.toISOString() };
  return [{ type: 'award_act.amendment_countersigned', data }];
}
