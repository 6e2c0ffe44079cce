import type { WorkflowDefinition } from '#workflow';
import { ctsOpinionWhereRequired } from './cts-participation.js';
import { COMPLETE_ANALYSIS, keptFromV1, signedDecisions, withAnalysedState } from './decision.transitions.js';
import { healthWorkflowV1 } from './health.workflow.js';

/**
 * v2: the ARS délégation territoriale closes the analysis; the CTS takes part as its ARS sets it (cts-participation.ts);
 * the DG ARS, or a délégué territorial by delegation of signature, decides. Projects started on v1 finish on v1.
 */
export const healthWorkflowV2: WorkflowDefinition = {
  ...healthWorkflowV1,
  version: 2,
  states: withAnalysedState(healthWorkflowV1.states),
  transitions: [
    ...keptFromV1(healthWorkflowV1, ['validate', 'reject', 'refer_to_cts']),
    COMPLETE_ANALYSIS,
    { ...healthWorkflowV1.transitions.find((t) => t.command === 'refer_to_cts')!, from: ['analysed'] },
    ...signedDecisions(['analysed', 'cts_review'], [ctsOpinionWhereRequired], 'du DG ARS ou par délégation'),
  ],
  access: {
    ...healthWorkflowV1.access,
    territory: {
      ...healthWorkflowV1.access.territory,
      // The DG ARS signs for the région; a délégué territorial, by delegation, for a département.
      decider: [
        { scope: 'regions', field: 'region' },
        { scope: 'departements', field: 'departement' },
      ],
    },
  },
};
