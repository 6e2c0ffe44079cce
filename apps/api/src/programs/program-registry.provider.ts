import type { Provider } from '@nestjs/common';
import { createProjectDecider } from '#projects';
import { type WorkflowDefinition, WorkflowRegistry } from '#workflow';
import { WORKFLOW_DEFINITIONS, checkProgramDefinitions, registeredDefinitions } from './program-definitions.js';

/** The project decider over the one program registry the application checked at start-up. */
export const PROJECT_DECIDER = Symbol('PROJECT_DECIDER');

export const PROGRAM_REGISTRY_PROVIDERS: Provider[] = [
  // Read at start-up, not at import: definitions registered after the module loaded are checked too.
  { provide: WORKFLOW_DEFINITIONS, useFactory: () => registeredDefinitions() },
  {
    provide: WorkflowRegistry,
    inject: [WORKFLOW_DEFINITIONS],
    useFactory: (definitions: WorkflowDefinition[]) => checkProgramDefinitions(definitions),
  },
  { provide: PROJECT_DECIDER, inject: [WorkflowRegistry], useFactory: (registry: WorkflowRegistry) => createProjectDecider(registry) },
];
