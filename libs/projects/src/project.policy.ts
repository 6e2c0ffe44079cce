import { type Actor, DomainError } from '#kernel';
import type { ScopeKey } from '#workflow';
import type { Project, ProjectState, Territory } from './project.state.js';

/** Roles that see every project, in every territory. */
export const NATIONAL_READERS: readonly Actor['role'][] = ['admin', 'auditor', 'system'];

/** A territorial role sees the projects whose territory holds one of its codes: scope → the project's field. */
export const READ_SCOPES: readonly { scope: ScopeKey; field: keyof Territory }[] = [
  { scope: 'regions', field: 'region' },
  { scope: 'academies', field: 'academie' },
  { scope: 'departements', field: 'departement' },
  { scope: 'cts', field: 'cts' },
];

/** What the policy needs of a project: who declared it and where it is. */
export interface ProjectAccessFacts {
  declarant: string;
  territory: Partial<Territory>;
}

/**
 * Who may see a project — the one rule of GET /projects/:id, the list (its SQL clause is tested against this), the history,
 * the funding view, the dashboard's details and the exports: national roles all; a holder its own; others their territory.
 * Who may act is the program definition's access (ownership and territory per role), checked by the workflow engine.
 */
export function canReadProject(actor: Actor, project: ProjectAccessFacts): boolean {
  if (NATIONAL_READERS.includes(actor.role)) return true;
  if (actor.role === 'holder') return project.declarant === actor.id;
  return READ_SCOPES.some(({ scope, field }) => {
    const code = project.territory[field];
    return code !== undefined && (actor.scope[scope] ?? []).includes(code);
  });
}

export const projectNotFound = (projectId: string) =>
  new DomainError('not_found', 'PROJECT_NOT_FOUND', `Le projet ${projectId} n’existe pas.`, { projectId });

export const projectOutOfScope = (projectId: string) =>
  new DomainError('forbidden', 'PROJECT_OUT_OF_SCOPE', `Le projet ${projectId} est hors de votre territoire ou de votre organisation.`, {
    projectId,
  });

/** The project the actor asked for, once it exists and the actor may read it (the refusals every read gives). */
export function readableProject(actor: Actor, projectId: string, state: ProjectState): Project {
  if (!state.exists) throw projectNotFound(projectId);
  if (!canReadProject(actor, { declarant: state.declarant, territory: state.content.territory })) throw projectOutOfScope(projectId);
  return state;
}
