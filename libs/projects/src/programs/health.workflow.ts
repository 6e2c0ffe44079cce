import type { WorkflowDefinition } from '#workflow';
import { completionDeadline, GRANTED_AMOUNT_INPUT, commonTransitions, ctsOpinionRecorded } from './program.guards.js';

const NON_FINAL = [
  'intention',
  'drafting',
  'submitted',
  'under_analysis',
  'completion_requested',
  'cts_review',
  'validated',
  'rejected',
  'financing',
];

/** CNR santé, funded by the FIR; the ARS decides after the territorial health council (CTS) is heard. */
export const healthWorkflowV1: WorkflowDefinition = {
  id: 'cnr-health',
  version: 1,
  program: 'health',
  title: 'CNR santé (Fonds d’intervention régional)',
  states: [
    { name: 'intention', label: 'Intention de concertation', initial: true },
    { name: 'drafting', label: 'En élaboration' },
    { name: 'submitted', label: 'Déposé, à analyser' },
    { name: 'under_analysis', label: 'En cours d’instruction' },
    { name: 'completion_requested', label: 'À compléter' },
    { name: 'cts_review', label: 'Avis du conseil territorial de santé' },
    { name: 'validated', label: 'Validé' },
    { name: 'rejected', label: 'Refusé' },
    { name: 'withdrawn', label: 'Abandonné / classé sans suite', final: true },
    { name: 'financing', label: 'En financement' },
    { name: 'closed', label: 'Clôturé', final: true },
  ],
  transitions: [
    ...commonTransitions(NON_FINAL),
    {
      command: 'refer_to_cts',
      event: 'project.referred_to_cts',
      from: ['under_analysis'],
      to: 'cts_review',
      roles: ['validator'],
      label: 'Soumettre au conseil territorial de santé',
    },
    {
      command: 'record_cts_opinion',
      event: 'project.cts_opinion_recorded',
      from: ['cts_review'],
      to: 'cts_review',
      roles: ['validator'],
      reasonRequired: true,
      inputs: [{ name: 'favourable', label: 'Avis favorable ?' }],
      label: 'Enregistrer l’avis du CTS',
    },
    {
      command: 'validate',
      event: 'project.validated',
      from: ['cts_review'],
      to: 'validated',
      roles: ['validator'],
      reasonRequired: true,
      inputs: [GRANTED_AMOUNT_INPUT],
      guards: [ctsOpinionRecorded],
      label: 'Valider le projet (décision de l’ARS)',
    },
    {
      command: 'reject',
      event: 'project.rejected',
      from: ['cts_review'],
      to: 'rejected',
      roles: ['validator'],
      reasonRequired: true,
      guards: [ctsOpinionRecorded],
      label: 'Refuser le projet (décision de l’ARS)',
    },
  ],
  // 30 calendar days; health holders are not schools, so no school-holiday suspension.
  deadlines: [completionDeadline({ durationDays: 30, suspendDuringSchoolHolidays: false, reminderDaysBefore: 7 })],
  access: {
    ownerRoles: ['holder'],
    territory: {
      validator: [
        { scope: 'regions', field: 'region' },
        { scope: 'cts', field: 'cts' },
      ],
      // The ARS's finance officers run the money of the projects of their région only.
      finance: [{ scope: 'regions', field: 'region' }],
    },
  },
};
