import { WorkflowRegistry } from '#workflow';
import { educationWorkflowV1 } from './education.workflow.js';
import { healthWorkflowV1 } from './health.workflow.js';

/** Every program's workflow versions; validated when this module loads (application start). */
export const createProgramRegistry = () => new WorkflowRegistry([educationWorkflowV1, healthWorkflowV1]);

export const programRegistry = createProgramRegistry();
