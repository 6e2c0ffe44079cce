import type { Actor } from '#kernel';
import type { TokenClaims } from './principal.js';

/**
 * Turns verified claims into the actor every policy sees (the directory: habilitations, memberships, delegations…).
 * One implementation serves every way in — bearer tokens, the dashboard's stream, /metrics, later signed-in sessions —
 * so that they never disagree; it refuses (403) a role the directory does not grant.
 */
export interface PrincipalResolver {
  actorOf(claims: TokenClaims): Promise<Actor>;
}

export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');
