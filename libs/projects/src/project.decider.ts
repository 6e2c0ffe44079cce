import type { Decider, DomainEvent } from '#kernel';
import type { WorkflowRegistry } from '#workflow';
import type { ProjectCommand } from './project.commands.js';
import { decideProject } from './project.decide.js';
import { evolveProject } from './project.evolve.js';
import { type ProjectState, initialProjectState } from './project.state.js';
import { programRegistry } from './programs/program.registry.js';

export type ProjectDecider = Decider<ProjectCommand, DomainEvent, ProjectState>;

/** A project decider over a given registry (tests register other definition versions). */
export function createProjectDecider(registry: WorkflowRegistry): ProjectDecider {
  return {
    decide: (command, state) => decideProject(registry, command, state),
    evolve: evolveProject,
    initialState: initialProjectState,
  };
}

export const projectDecider: ProjectDecider = createProjectDecider(programRegistry);

/** Folding a project's stream needs no program registry: evolve is the same for every definition. Reads use this. */
export const projectEvolution: Pick<ProjectDecider, 'evolve' | 'initialState'> = {
  evolve: evolveProject,
  initialState: initialProjectState,
};
