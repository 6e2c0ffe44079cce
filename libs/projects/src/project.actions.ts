import type { Actor } from '#kernel';
import { type AvailableTransition, type WorkflowRegistry, accessDenial } from '#workflow';
import { EDITABLE_STATES, type ProjectState } from './project.state.js';
import { engineFor, subjectOf } from './project.subject.js';
import { programRegistry } from './programs/program.registry.js';
import { PROJECT_WORKFLOW_CODES } from './project.events.js';

export interface ProjectAction {
  /** The command type to send (`edit_content` or a transition command). */
  command: string;
  label: string;
  /** The state the project will be in (for edit_content: the current state). */
  to: string;
  reasonRequired: boolean;
  inputs: { name: string; label: string }[];
}

/**
 * The commands this actor may run on the project now (role, ownership, territory, state,
 * required fields and guards all satisfied). Deadline expiry is the scheduler's, never listed.
 */
export function availableActions(state: ProjectState, actor: Actor, registry: WorkflowRegistry = programRegistry): ProjectAction[] {
  if (!state.exists) return [];
  const definition = registry.get(state.program, state.workflow.definition.version);
  const subject = subjectOf(state);
  const actions: ProjectAction[] = [];
  if (
    actor.role === 'holder' &&
    EDITABLE_STATES.includes(state.status) &&
    !accessDenial(definition.access, actor, subject, PROJECT_WORKFLOW_CODES)
  ) {
    actions.push({ command: 'edit_content', label: 'Modifier le dossier', to: state.status, reasonRequired: false, inputs: [] });
  }
  const transitions: AvailableTransition[] = engineFor(registry, state.program, definition.version).available(
    state.workflow,
    subject,
    actor,
  );
  return [...actions, ...transitions];
}
