import { WorkflowRegistry } from '#workflow';
import { educationWorkflowV1 } from './education.workflow.js';
import { educationWorkflowV2 } from './education.workflow.v2.js';
import { healthWorkflowV1 } from './health.workflow.js';
import { healthWorkflowV2 } from './health.workflow.v2.js';

/** Every version of every program's workflow. The application builds its one registry from them at start-up. */
export const PROGRAM_DEFINITIONS = [educationWorkflowV1, healthWorkflowV1, educationWorkflowV2, healthWorkflowV2];

/** A registry of PROGRAM_DEFINITIONS (definitions are validated on registration). */
export const createProgramRegistry = () => new WorkflowRegistry(PROGRAM_DEFINITIONS);

export const programRegistry = createProgramRegistry();
