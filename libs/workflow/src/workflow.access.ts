import { type Actor, DomainError } from '#kernel';
import type { WorkflowAccess, WorkflowSubject } from './workflow.definition.js';
import type { WorkflowErrorCodes } from './workflow.events.js';

/** Why this actor may not act on this subject, or undefined when it may (ownership, then territory). */
export function accessDenial(
  access: WorkflowAccess,
  actor: Actor,
  subject: WorkflowSubject,
  codes: Pick<WorkflowErrorCodes, 'notOwner' | 'outOfTerritory'>,
): DomainError | undefined {
  if (access.ownerRoles.includes(actor.role) && !actsForOwner(actor, subject)) {
    return new DomainError('forbidden', codes.notOwner, `${actor.id} n’agit pour aucun organisme porteur de ${subject.id}.`, {
      role: actor.role,
      actorId: actor.id,
      holders: [...subject.ownerIds],
    });
  }
  const rules = access.territory[actor.role];
  if (rules === undefined) return undefined;
  const inside = rules.some((r) => {
    const code = subject.territory[r.field];
    return code !== undefined && (actor.scope[r.scope] ?? []).includes(code);
  });
  if (inside) return undefined;
  return new DomainError('forbidden', codes.outOfTerritory, `${subject.id} est hors du territoire de ${actor.id}.`, {
    role: actor.role,
    rules: rules.map((r) => `${r.scope}∋${r.field}`),
    territory: { ...subject.territory },
  });
}

/** The actor acts for one of the subject's owners (organisations, as the directory resolved them for this request). */
export function actsForOwner(actor: Actor, subject: Pick<WorkflowSubject, 'ownerIds'>): boolean {
  return (actor.organisations ?? []).some((o) => subject.ownerIds.includes(o));
}
