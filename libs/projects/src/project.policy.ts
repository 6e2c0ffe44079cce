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

/** What the policy needs of a project: the organisations holding it and where it is. */
export interface ProjectAccessFacts {
  holders: readonly string[];
  territory: Partial<Territory>;
}

/** The principal holder and the co-holders: whoever acts for one of them acts on the project. */
export function holdersOf(p: Pick<Project, 'content'>): string[] {
  return [p.content.holder.organisationId, ...(p.content.coHolders ?? []).map((h) => h.organisationId)];
}

/**
 * Who may see a project — the one rule of GET /projects/:id, the list (its SQL clause is tested against this), the history,
 * the funding view, the dashboard's details and the exports: national roles all; a holder the projects of the organisations
 * they act for; others their territory.
 * Who may act is the program definition's access (ownership and territory per role), checked by the workflow engine.
 */
export function canReadProject(actor: Actor, project: ProjectAccessFacts): boolean {
  if (NATIONAL_READERS.includes(actor.role)) return true;
  if (actor.role === 'holder') return (actor.organisations ?? []).some((o) => project.holders.includes(o));
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
  if (!canReadProject(actor, { holders: holdersOf(state), territory: state.content.territory })) throw projectOutOfScope(projectId);
  return state;
}
