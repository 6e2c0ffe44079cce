import type { WorkflowDefinition, WorkflowGuard, WorkflowStateDef, WorkflowTransitionDef } from '#workflow';
import { SIGNATURE_INPUT } from '../project.signature.js';
import { GRANTED_AMOUNT_INPUT } from './program.guards.js';

/** The state v2 adds once the instructeur's analysis is done: the dossier awaits the committee, then the decision. */
export const ANALYSED: WorkflowStateDef = { name: 'analysed', label: 'Instruit, en attente d’examen et de décision' };

/** v1's states with `analysed` after the analysis. */
export function withAnalysedState(states: readonly WorkflowStateDef[]): WorkflowStateDef[] {
  return states.flatMap((s) => (s.name === 'under_analysis' ? [s, ANALYSED] : [s]));
}

/** v1's transitions without those v2 replaces; withdrawal possible from `analysed` too. */
export function keptFromV1(v1: WorkflowDefinition, replaced: readonly string[]): WorkflowTransitionDef[] {
  return v1.transitions
    .filter((t) => !replaced.includes(t.command))
    .map((t) => (t.command === 'withdraw' ? { ...t, from: [...t.from, ANALYSED.name] } : t));
}

export const COMPLETE_ANALYSIS: WorkflowTransitionDef = {
  command: 'complete_analysis',
  event: 'project.analysis_completed',
  from: ['under_analysis'],
  to: ANALYSED.name,
  roles: ['validator'],
  reasonRequired: true,
  label: 'Clore l’instruction (avis de l’instructeur)',
};

/**
 * The decisions a decider signs (recteur or DG ARS, or their delegate), each carrying its signature: a validation with the
 * amount granted, a refusal, or the dossier sent back to instruction.
 */
export function signedDecisions(from: string[], guards: WorkflowGuard[], who: string): WorkflowTransitionDef[] {
  return [
    {
      command: 'validate',
      event: 'project.validated',
      from,
      to: 'validated',
      roles: ['decider'],
      reasonRequired: true,
      inputs: [GRANTED_AMOUNT_INPUT, SIGNATURE_INPUT],
      guards,
      label: `Valider le projet (décision signée ${who})`,
    },
    {
      command: 'reject',
      event: 'project.rejected',
      from,
      to: 'rejected',
      roles: ['decider'],
      reasonRequired: true,
      inputs: [SIGNATURE_INPUT],
      guards,
      label: `Refuser le projet (décision signée ${who})`,
    },
    {
      command: 'return_to_instruction',
      event: 'project.returned_to_instruction',
      from,
      to: 'under_analysis',
      roles: ['decider'],
      reasonRequired: true,
      inputs: [SIGNATURE_INPUT],
      label: 'Renvoyer le dossier à l’instruction',
    },
  ];
}
