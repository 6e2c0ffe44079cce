import type { Actor } from '#kernel';
import type { WorkflowDefinition, WorkflowSubject } from './workflow.definition.js';
import type { WorkflowErrorCodes } from './workflow.events.js';

/** A small definition for the engine's own tests (a dossier sent for review, with a reply deadline). */
export function reviewDefinition(): WorkflowDefinition {
  return {
    id: 'review',
    version: 1,
    program: 'demo',
    title: 'Demande de relecture',
    states: [
      { name: 'draft', label: 'Brouillon', initial: true },
      { name: 'sent', label: 'Envoyé' },
      { name: 'waiting', label: 'En attente de réponse' },
      { name: 'accepted', label: 'Accepté', final: true },
      { name: 'dropped', label: 'Abandonné', final: true },
    ],
    transitions: [
      {
        command: 'send',
        event: 'dossier.sent',
        from: ['draft'],
        to: 'sent',
        roles: ['holder'],
        requiredFields: ['title'],
        label: 'Envoyer',
      },
      {
        command: 'ask',
        event: 'dossier.question_asked',
        from: ['sent'],
        to: 'waiting',
        roles: ['validator'],
        reasonRequired: true,
        opensDeadline: 'reply',
        label: 'Questionner',
      },
      { command: 'reply', event: 'dossier.replied', from: ['waiting'], to: 'sent', roles: ['holder'], label: 'Répondre' },
      {
        command: 'accept',
        event: 'dossier.accepted',
        from: ['sent'],
        to: 'accepted',
        roles: ['validator'],
        reasonRequired: true,
        inputs: [{ name: 'amount', label: 'Montant' }],
        guards: [{ name: 'has_budget', label: 'Budget renseigné', check: (s) => (s.fields['budget'] ? undefined : 'pas de budget') }],
        label: 'Accepter',
      },
      {
        command: 'drop',
        event: 'dossier.dropped',
        from: ['draft', 'sent', 'waiting'],
        to: 'dropped',
        roles: ['holder'],
        label: 'Abandonner',
      },
      {
        command: 'time_out',
        event: 'dossier.timed_out',
        from: ['waiting'],
        to: 'dropped',
        roles: ['system'],
        reasonRequired: true,
        label: 'Expirer',
      },
    ],
    deadlines: [
      {
        name: 'reply',
        label: 'Délai de réponse',
        durationDays: 10,
        onExpiry: { command: 'time_out', reason: 'no reply' },
        cancelledBy: ['reply', 'drop'],
      },
    ],
    access: { ownerRoles: ['holder'], territory: { validator: [{ scope: 'academies', field: 'academie' }] } },
  };
}

export const subject = (fields: Record<string, unknown> = { title: 'T', budget: 10 }): WorkflowSubject => ({
  id: 'd1',
  ownerIds: ['school-alice'],
  territory: { academie: 'A01' },
  fields,
});

export const actor = (role: Actor['role'], id = 'someone', scope: Actor['scope'] = {}): Actor => ({ id, role, scope });
export const alice: Actor = { ...actor('holder', 'alice'), organisations: ['school-alice'] };
export const reviewer = actor('validator', 'val', { academies: ['A01'] });

export const DEMO_CODES: WorkflowErrorCodes = {
  notOwner: 'DEMO_NOT_OWNER',
  outOfTerritory: 'DEMO_OUT_OF_TERRITORY',
  fieldRequired: 'DEMO_FIELD_REQUIRED',
  guardFailed: 'DEMO_GUARD_FAILED',
  unknownCommand: 'DEMO_UNKNOWN_COMMAND',
  roleNotAllowed: 'DEMO_ROLE_NOT_ALLOWED',
  illegalTransition: 'DEMO_ILLEGAL_TRANSITION',
  reasonRequired: 'DEMO_REASON_REQUIRED',
  invalidReason: 'DEMO_INVALID_REASON',
  inputRequired: 'DEMO_INPUT_REQUIRED',
  deadlineNotDue: 'DEMO_DEADLINE_NOT_DUE',
};
