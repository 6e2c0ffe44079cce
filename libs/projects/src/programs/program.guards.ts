import type { WorkflowDeadlineDef, WorkflowGuard, WorkflowTransitionDef } from '#workflow';
import type { BudgetLine } from '../project.state.js';

export const budgetCoversRequest: WorkflowGuard = {
  name: 'budget_covers_request',
  label: 'Le montant demandé ne dépasse pas le budget total du projet',
  check: (s) => {
    const lines = (s.fields['budgetLines'] as BudgetLine[] | undefined) ?? [];
    const total = lines.reduce((sum, l) => sum + l.amountCents, 0);
    const requested = s.fields['requestedAmountCents'] as number | undefined;
    return requested !== undefined && requested > total
      ? `le montant demandé (${requested} centimes) dépasse le budget total (${total} centimes)`
      : undefined;
  },
};

export const finalReportSubmitted: WorkflowGuard = {
  name: 'final_report_submitted',
  label: 'Le bilan a été transmis',
  check: (s) => (s.fields['finalReport'] === undefined ? 'le bilan n’a pas été transmis' : undefined),
};

export const ctsOpinionRecorded: WorkflowGuard = {
  name: 'cts_opinion_recorded',
  label: 'L’avis du conseil territorial de santé est enregistré',
  check: (s) => (s.fields['ctsOpinion'] === undefined ? 'l’avis du conseil territorial de santé n’est pas enregistré' : undefined),
};

/** What a dossier needs before it is deposited (submit) or deposited again (resubmit). */
export const DOSSIER_FIELDS = ['title', 'description', 'requestedAmountCents', 'budgetLines'];

/** The transitions both programs share, around the analysis step each program defines. */
export function commonTransitions(nonFinal: string[]): WorkflowTransitionDef[] {
  return [
    {
      command: 'start_drafting',
      event: 'project.drafting_started',
      from: ['intention'],
      to: 'drafting',
      roles: ['holder'],
      label: 'Commencer l’élaboration du projet',
    },
    {
      command: 'submit',
      event: 'project.submitted',
      from: ['drafting'],
      to: 'submitted',
      roles: ['holder'],
      requiredFields: DOSSIER_FIELDS,
      guards: [budgetCoversRequest],
      label: 'Déposer le projet',
    },
    {
      command: 'start_analysis',
      event: 'project.analysis_started',
      from: ['submitted'],
      to: 'under_analysis',
      roles: ['validator'],
      label: 'Commencer l’instruction du dossier',
    },
    {
      command: 'request_completion',
      event: 'project.completion_requested',
      from: ['under_analysis'],
      to: 'completion_requested',
      roles: ['validator'],
      reasonRequired: true,
      opensDeadline: 'completion',
      label: 'Demander des compléments (dossier à compléter)',
    },
    {
      command: 'resubmit',
      event: 'project.resubmitted',
      from: ['completion_requested'],
      to: 'submitted',
      roles: ['holder'],
      requiredFields: DOSSIER_FIELDS,
      guards: [budgetCoversRequest],
      label: 'Redéposer le dossier complété',
    },
    {
      command: 'lapse',
      event: 'project.lapsed',
      from: ['completion_requested'],
      to: 'withdrawn',
      roles: ['system'],
      reasonRequired: true,
      label: 'Classer sans suite (délai de complément dépassé)',
    },
    {
      command: 'reopen',
      event: 'project.reopened',
      from: ['rejected'],
      to: 'under_analysis',
      roles: ['validator'],
      reasonRequired: true,
      label: 'Rouvrir l’instruction',
    },
    { command: 'withdraw', event: 'project.withdrawn', from: nonFinal, to: 'withdrawn', roles: ['holder'], label: 'Abandonner le projet' },
    {
      command: 'start_financing',
      event: 'project.financing_started',
      from: ['validated'],
      to: 'financing',
      roles: ['finance', 'system'],
      inputs: [{ name: 'commitmentRef', label: 'Référence de l’engagement juridique' }],
      label: 'Engager le financement',
    },
    {
      command: 'submit_final_report',
      event: 'project.final_report_submitted',
      from: ['financing'],
      to: 'financing',
      roles: ['holder'],
      inputs: [{ name: 'finalReport', label: 'Bilan final' }],
      label: 'Transmettre le bilan',
    },
    {
      command: 'close',
      event: 'project.closed',
      from: ['financing'],
      to: 'closed',
      roles: ['finance', 'system'],
      guards: [finalReportSubmitted],
      label: 'Clôturer le projet',
    },
  ];
}

/** What the lapse records, in French for the people who read the project's history. */
export const LAPSE_REASON = 'Délai de complément dépassé : dossier classé sans suite';

/** The completion deadline both programs open on request_completion; each program sets its own delay and calendar. */
export function completionDeadline(
  settings: Pick<WorkflowDeadlineDef, 'durationDays' | 'suspendDuringSchoolHolidays' | 'reminderDaysBefore'>,
): WorkflowDeadlineDef {
  return {
    name: 'completion',
    label: 'Délai pour compléter le dossier',
    ...settings,
    onExpiry: { command: 'lapse', reason: LAPSE_REASON },
    cancelledBy: ['resubmit', 'withdraw'],
  };
}

export const GRANTED_AMOUNT_INPUT = { name: 'grantedAmountCents', label: 'Montant accordé (centimes)' };
