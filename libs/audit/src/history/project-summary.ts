import { type ProjectTransitionEvent, asProjectEvent, commandOf } from '#projects';
import { actorLabel, euros, fieldLabel, frenchDate } from './french.js';
import { signatureSummary } from './signature-summary.js';

/** What a transition did, as the past participle an instructeur would write ("Validé", "Déposé"…). */
const TRANSITION_VERBS: Record<string, string> = {
  start_drafting: 'Élaboration commencée',
  submit: 'Déposé',
  start_analysis: 'Instruction commencée',
  complete_analysis: 'Instruction close',
  return_to_instruction: 'Renvoyé à l’instruction',
  request_completion: 'Compléments demandés',
  resubmit: 'Redéposé',
  refer_to_cts: 'Soumis au conseil territorial de santé',
  validate: 'Validé',
  reject: 'Refusé',
  reopen: 'Rouvert',
  withdraw: 'Abandonné',
  lapse: 'Classé sans suite (délai dépassé)',
  start_financing: 'Mis en financement',
  close: 'Clôturé',
};

const withReason = (text: string, reason: unknown) =>
  typeof reason === 'string' && reason.trim() ? `${text} : motif ${reason.trim()}` : text;

/** One line of French for a project event; `who`/`role` come from the event's metadata. */
/** Deadlines named in French where their name is not (the completion delay reads as v1 wrote it). */
const DEADLINE_LABELS: Record<string, string> = { compte_rendu_financier: 'transmission du compte rendu financier' };
const deadlineLabel = (name: string) => DEADLINE_LABELS[name] ?? name;

export function projectSummary(type: string, data: unknown, who: string | null, role: string | null): string {
  const by = actorLabel(who, role);
  const e = asProjectEvent({ type, data });
  switch (e?.type) {
    case undefined:
      return `Événement ${type} par ${by}`;
    case 'project.intention_declared':
      return `Intention déclarée par ${by} : « ${e.data.title} »`;
    case 'project.content_edited': {
      const { changes } = e.data;
      const fields = Object.keys(changes ?? {}).map((f) =>
        f === 'requestedAmountCents' ? `${fieldLabel(f)} ${euros(changes.requestedAmountCents)}` : fieldLabel(f),
      );
      return `Dossier modifié par ${by}${fields.length ? ` : ${fields.join(', ')}` : ''}`;
    }
    case 'project.deadline_opened':
      return `Échéance « ${deadlineLabel(e.data.name)} » ouverte jusqu'au ${frenchDate(e.data.dueAt)}`;
    case 'project.deadline_cancelled':
      return `Échéance « ${deadlineLabel(e.data.name)} » levée par ${by}`;
    case 'project.deadline_expired':
      return `Échéance « ${deadlineLabel(e.data.name)} » dépassée le ${frenchDate(e.data.dueAt)}`;
    case 'project.deadline_reminder_due':
      return `Rappel : l’échéance « ${deadlineLabel(e.data.name)} » tombe le ${frenchDate(e.data.dueDay ?? e.data.dueAt)}`;
    case 'project.report_formal_notice':
      return `Mise en demeure par ${by} : compte rendu financier non transmis à l’échéance du ${frenchDate(e.data.dueDay)}`;
    case 'project.validated':
      return (
        withReason(`Validé par ${by}, ${euros(e.data.grantedAmountCents)} accordés`, e.data.reason) + signatureSummary(e.data.signature)
      );
    case 'project.rejected':
    case 'project.returned_to_instruction':
      return transitionSummary(e, by) + signatureSummary(e.data.signature);
    case 'project.cts_opinion_recorded':
      return withReason(`Avis ${e.data.favourable === true ? 'favorable' : 'défavorable'} du CTS enregistré par ${by}`, e.data.reason);
    case 'project.financing_started':
      return withReason(`Mis en financement par ${by} (engagement ${String(e.data.commitmentRef ?? '?')})`, e.data.reason);
    case 'project.final_report_submitted':
      return withReason(`Bilan transmis par ${by} (dépensé ${euros(e.data.finalReport?.spentAmountCents)})`, e.data.reason);
    case 'project.drafting_started':
    case 'project.submitted':
    case 'project.analysis_started':
    case 'project.analysis_completed':
    case 'project.completion_requested':
    case 'project.resubmitted':
    case 'project.referred_to_cts':
    case 'project.reopened':
    case 'project.withdrawn':
    case 'project.lapsed':
    case 'project.closed':
      return transitionSummary(e, by);
    default: {
      const unknown: never = e;
      return unknown;
    }
  }
}

function transitionSummary(e: ProjectTransitionEvent, by: string): string {
  const verb = TRANSITION_VERBS[commandOf(e)] ?? `Passage de « ${e.data.from} » à « ${e.data.to} »`;
  return withReason(`${verb} par ${by}`, e.data.reason);
}
