import type { TransitionedData, DeadlineCancelledData, DeadlineExpiredData, DeadlineOpenedData } from '#workflow';
import type { ContentEditedData, IntentionDeclaredData } from '#projects';
import { actorLabel, euros, fieldLabel, frenchDate } from './french.js';

/** What a transition did, as the past participle an instructeur would write ("Validé", "Déposé"…). */
const TRANSITION_VERBS: Record<string, string> = {
  start_drafting: 'Élaboration commencée', submit: 'Déposé', start_analysis: 'Mis en analyse',
  request_completion: 'Compléments demandés', resubmit: 'Redéposé', refer_to_cts: 'Soumis au conseil territorial de santé',
  validate: 'Validé', reject: 'Refusé', reopen: 'Rouvert', withdraw: 'Abandonné', lapse: 'Classé sans suite (délai dépassé)',
  start_financing: 'Mis en financement', submit_final_report: 'Bilan déposé', close: 'Clôturé',
};

const withReason = (text: string, reason: unknown) =>
  typeof reason === 'string' && reason.trim() ? `${text} : motif ${reason.trim()}` : text;

/** One line of French for a project event; `who`/`role` come from the event's metadata. */
export function projectSummary(type: string, data: unknown, who: string | null, role: string | null): string {
  const by = actorLabel(who, role);
  switch (type) {
    case 'project.intention_declared': {
      const d = data as IntentionDeclaredData;
      return `Intention déclarée par ${by} : « ${d.title} »`;
    }
    case 'project.content_edited': {
      const { changes } = data as ContentEditedData;
      const fields = Object.keys(changes ?? {}).map((f) =>
        f === 'requestedAmountCents' ? `${fieldLabel(f)} ${euros(changes.requestedAmountCents)}` : fieldLabel(f));
      return `Dossier modifié par ${by}${fields.length ? ` : ${fields.join(', ')}` : ''}`;
    }
    case 'project.transitioned':
      return transitionSummary(data as TransitionedData, by);
    case 'project.deadline_opened': {
      const d = data as DeadlineOpenedData;
      return `Échéance « ${d.name} » ouverte jusqu'au ${frenchDate(d.dueAt)}`;
    }
    case 'project.deadline_cancelled': {
      const d = data as DeadlineCancelledData;
      return `Échéance « ${d.name} » levée par ${by}`;
    }
    case 'project.deadline_expired': {
      const d = data as DeadlineExpiredData;
      return `Échéance « ${d.name} » dépassée le ${frenchDate(d.dueAt)}`;
    }
    default:
      return `Événement ${type} par ${by}`;
  }
}

function transitionSummary(t: TransitionedData, by: string): string {
  const inputs = t.inputs ?? {};
  switch (t.command) {
    case 'validate':
      return withReason(`Validé par ${by}, ${euros(inputs['grantedAmountCents'])} accordés`, t.reason);
    case 'record_cts_opinion':
      return withReason(`Avis ${inputs['favourable'] === true ? 'favorable' : 'défavorable'} du CTS enregistré par ${by}`, t.reason);
    case 'start_financing':
      return withReason(`Mis en financement par ${by} (engagement ${String(inputs['commitmentRef'] ?? '?')})`, t.reason);
    case 'submit_final_report': {
      const report = inputs['finalReport'] as { spentAmountCents?: number } | undefined;
      return withReason(`Bilan déposé par ${by} (dépensé ${euros(report?.spentAmountCents)})`, t.reason);
    }
  }
  const verb = TRANSITION_VERBS[t.command] ?? `Passage de « ${t.from} » à « ${t.to} »`;
  return withReason(`${verb} par ${by}`, t.reason);
}
