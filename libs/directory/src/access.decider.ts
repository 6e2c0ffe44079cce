import { CAPACITIES } from '#delegations';
import { type Actor, type Decider, DomainError, invalid } from '#kernel';
import { type AccessEvent, GRANTED_ROLES, type Grant, type GrantedRole, SCOPE_KEYS } from './access.events.js';

export type AccessCommand =
  | { type: 'GrantAccess'; personId: string; role: GrantedRole; scope: Actor['scope']; capacity?: string; actor: Actor }
  | { type: 'RevokeAccess'; personId: string; grantId: string; reason: string; actor: Actor };

export interface AccessState {
  grants: readonly Grant[];
}

// Opaque ids (no e-mail address): they go into the log, which cannot be erased.
const PERSON_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The scope as stored: known keys only, codes sorted and unique, empty lists dropped. */
export function normalizedScope(scope: Actor['scope']): Actor['scope'] {
  const out: Actor['scope'] = {};
  for (const key of SCOPE_KEYS) {
    const codes = [...new Set(scope[key] ?? [])].sort();
    if (codes.length > 0) out[key] = codes;
  }
  return out;
}

/** One id per role, scope and capacity: granting the same thing twice is one grant. */
export function grantIdOf(role: GrantedRole, scope: Actor['scope'], capacity?: string): string {
  const s = normalizedScope(scope);
  const territory = SCOPE_KEYS.filter((k) => s[k]).map((k) => `${k}=${s[k]!.join(',')}`);
  return [role, ...territory, ...(capacity ? [`capacity=${capacity}`] : [])].join(';');
}

/** Habilitations are given by an administrator, or by the operator through the CLI (system). */
function assertMayGrant(actor: Actor): void {
  if (actor.role === 'admin' || actor.role === 'system') return;
  throw new DomainError('forbidden', 'ACCESS_GRANT_FORBIDDEN', 'Seul un administrateur attribue ou retire des habilitations.');
}

export function decideAccess(c: AccessCommand, s: AccessState): AccessEvent[] {
  assertMayGrant(c.actor);
  if (!PERSON_ID.test(c.personId)) throw invalid('VALIDATION_FAILED', 'personId', 'directory-id');
  if (c.type === 'RevokeAccess') {
    if (!s.grants.some((g) => g.grantId === c.grantId)) {
      throw new DomainError('not_found', 'ACCESS_GRANT_NOT_FOUND', `${c.personId} n’a pas l’habilitation ${c.grantId}.`);
    }
    if (c.reason.trim().length === 0) throw invalid('VALIDATION_FAILED', 'reason', 'required');
    return [{ type: 'access.revoked', data: { personId: c.personId, grantId: c.grantId, reason: c.reason.trim() } }];
  }
  if (!GRANTED_ROLES.includes(c.role)) throw invalid('VALIDATION_FAILED', 'role', `one-of:${GRANTED_ROLES.join('|')}`);
  if (c.role === 'decider' && !c.capacity) throw invalid('VALIDATION_FAILED', 'capacity', 'required-for-decider');
  if (c.capacity !== undefined && c.role !== 'decider') throw invalid('VALIDATION_FAILED', 'capacity', 'decider-only');
  if (c.capacity !== undefined && !(CAPACITIES as readonly string[]).includes(c.capacity)) {
    throw invalid('VALIDATION_FAILED', 'capacity', `one-of:${CAPACITIES.join('|')}`);
  }
  const scope = normalizedScope(c.scope);
  const grantId = grantIdOf(c.role, scope, c.capacity);
  if (s.grants.some((g) => g.grantId === grantId)) return [];
  const grant: Grant = { grantId, role: c.role, scope, ...(c.capacity ? { capacity: c.capacity } : {}) };
  return [{ type: 'access.granted', data: { personId: c.personId, ...grant } }];
}

export function evolveAccess(s: AccessState, e: AccessEvent): AccessState {
  switch (e.type) {
    case 'access.granted': {
      const { personId: _person, ...grant } = e.data;
      return { grants: [...s.grants, grant] };
    }
    case 'access.revoked':
      return { grants: s.grants.filter((g) => g.grantId !== e.data.grantId) };
  }
}

export const accessDecider: Decider<AccessCommand, AccessEvent, AccessState> = {
  decide: decideAccess,
  evolve: evolveAccess,
  initialState: () => ({ grants: [] }),
};
