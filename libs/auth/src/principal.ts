import type { Actor } from '#kernel';

export const ROLES = ['holder', 'validator', 'decider', 'finance', 'accountant', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The claims Refonda puts in a token: subject, role and territory scope (official codes). */
export interface TokenClaims {
  sub: string;
  role: Role;
  scope: Actor['scope'];
  name?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function toActor(claims: TokenClaims): Actor {
  return { id: claims.sub, role: claims.role, scope: claims.scope };
}
