import { type Actor, DomainError } from '#kernel';
import type { DelegationAuthority } from './delegation.events.js';
import type { Delegation } from './delegation.state.js';

/** Roles that read every delegation (delegations of signature are published acts; these roles check them). */
export const DELEGATION_READERS: readonly Actor['role'][] = ['decider', 'admin', 'auditor', 'system'];

function holdsTerritory(actor: Actor, territory: DelegationAuthority['territory']): boolean {
  const codes = territory.kind === 'academie' ? actor.scope.academies : actor.scope.regions;
  return (codes ?? []).some((c) => c.toUpperCase() === territory.code);
}

/**
 * Who grants or revokes a delegation: the delegating authority itself (a decider, the authority's person, holding its
 * territory) or an admin recording the arrêté on its behalf. Nobody else, whatever their role.
 */
export function assertCanManageDelegation(actor: Actor, authority: DelegationAuthority): void {
  if (actor.role === 'admin') return;
  // The authority in person, acting in the capacity the directory gives them (a recteur as recteur, not as a delegate).
  const inCapacity = actor.capacity === undefined || actor.capacity === authority.capacity;
  if (actor.role === 'decider' && actor.id === authority.personId && inCapacity && holdsTerritory(actor, authority.territory)) return;
  throw new DomainError(
    'forbidden',
    'DELEGATION_FORBIDDEN',
    'Seule l’autorité délégante elle-même, ou un administrateur pour son compte, accorde ou révoque une délégation de signature.',
    { authority: authority.personId, actor: actor.id, role: actor.role },
  );
}

/** Who reads a delegation: deciders, admins, auditors, and its delegate and authority themselves. */
export function canReadDelegation(actor: Actor, delegation: Pick<Delegation, 'authority' | 'delegate'>): boolean {
  return DELEGATION_READERS.includes(actor.role) || actor.id === delegation.delegate.personId || actor.id === delegation.authority.personId;
}

export const delegationNotFound = (delegationId: string) =>
  new DomainError('not_found', 'DELEGATION_NOT_FOUND', `La délégation de signature ${delegationId} n’existe pas.`, { delegationId });

export function assertCanReadDelegation(actor: Actor, delegation: Delegation): void {
  if (canReadDelegation(actor, delegation)) return;
  throw new DomainError(
    'forbidden',
    'DELEGATION_READ_FORBIDDEN',
    'Les délégations de signature se lisent par les décideurs, les administrateurs, les auditeurs, le délégataire et l’autorité délégante.',
    { delegationId: delegation.delegationId, role: actor.role },
  );
}
