import type { WorkflowDefinition } from '#workflow';
import { COMPLETE_ANALYSIS, keptFromV1, signedDecisions, withAnalysedState } from './decision.transitions.js';
import { educationWorkflowV1 } from './education.workflow.js';

/**
 * v2: the instructeur closes the analysis; the commission (académique or départementale) examines the dossier and
 * proposes; the recteur, or an IA-DASEN by delegation of signature, decides. Projects started on v1 finish on v1.
 */
export const educationWorkflowV2: WorkflowDefinition = {
  ...educationWorkflowV1,
  version: 2,
  states: withAnalysedState(educationWorkflowV1.states),
  transitions: [
    ...keptFromV1(educationWorkflowV1, ['validate', 'reject']),
    COMPLETE_ANALYSIS,
    ...signedDecisions(['analysed'], [], 'du recteur ou par délégation'),
  ],
  access: {
    ...educationWorkflowV1.access,
    territory: {
      ...educationWorkflowV1.access.territory,
      // The recteur signs for the académie; an IA-DASEN, by delegation, for a département.
      decider: [
        { scope: 'academies', field: 'academie' },
        { scope: 'departements', field: 'departement' },
      ],
    },
  },
};
