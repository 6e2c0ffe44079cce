import type { WorkflowDefinition } from '#workflow';
import { completionDeadline, GRANTED_AMOUNT_INPUT, commonTransitions } from './program.guards.js';

const NON_FINAL = ['intention', 'drafting', 'submitted', 'under_analysis', 'completion_requested', 'validated', 'rejected', 'financing'];

/** « Notre école, faisons-la ensemble », funded by the FIP; decided by the académie. */
export const educationWorkflowV1: WorkflowDefinition = {
  id: 'cnr-education',
  version: 1,
  program: 'education',
  title: 'Notre école, faisons-la ensemble (Fonds d’innovation pédagogique)',
  states: [
    { name: 'intention', label: 'Intention de concertation', initial: true },
    { name: 'drafting', label: 'En élaboration' },
    { name: 'submitted', label: 'Déposé, à analyser' },
    { name: 'under_analysis', label: 'En cours d’instruction' },
    { name: 'completion_requested', label: 'À compléter' },
    { name: 'validated', label: 'Validé' },
    { name: 'rejected', label: 'Refusé' },
    { name: 'withdrawn', label: 'Abandonné / classé sans suite', final: true },
    { name: 'financing', label: 'En financement' },
    { name: 'closed', label: 'Clôturé', final: true },
  ],
  transitions: [
    ...commonTransitions(NON_FINAL),
    {
      command: 'validate',
      event: 'project.validated',
      from: ['under_analysis'],
      to: 'validated',
      roles: ['validator'],
      reasonRequired: true,
      inputs: [GRANTED_AMOUNT_INPUT],
      label: 'Valider le projet',
    },
    {
      command: 'reject',
      event: 'project.rejected',
      from: ['under_analysis'],
      to: 'rejected',
      roles: ['validator'],
      reasonRequired: true,
      label: 'Refuser le projet',
    },
  ],
  // 30 calendar days, not counting the académie's school holidays: the holder is a school.
  deadlines: [completionDeadline({ durationDays: 30, suspendDuringSchoolHolidays: true, reminderDaysBefore: 7 })],
  access: {
    ownerRoles: ['holder'],
    // The académie's instructeurs decide; its finance officers run the money of its projects only.
    territory: { validator: [{ scope: 'academies', field: 'academie' }], finance: [{ scope: 'academies', field: 'academie' }] },
  },
};
