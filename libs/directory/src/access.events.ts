import type { Actor, DomainEvent } from '#kernel';

/** The roles a person can be granted (the system role is the processes', never granted). */
export type GrantedRole = Exclude<Actor['role'], 'system'>;
export const GRANTED_ROLES: readonly GrantedRole[] = ['holder', 'validator', 'decider', 'finance', 'accountant', 'auditor', 'admin'];
export const SCOPE_KEYS = ['regions', 'academies', 'departements', 'cts'] as const;

/** A role over a territory (empty scope: national), with the signing capacity of a decider (recteur, IA-DASEN…). */
export interface Grant {
  grantId: string;
  role: GrantedRole;
  scope: Actor['scope'];
  capacity?: string;
}

/** Stream `access-<personId>`: what a person may do, granted and revoked over time (an habilitation). */
export type AccessGranted = DomainEvent<'access.granted', { personId: string } & Grant>;
export type AccessRevoked = DomainEvent<'access.revoked', { personId: string; grantId: string; reason: string }>;
export type AccessEvent = AccessGranted | AccessRevoked;

export const accessStreamOf = (personId: string) => `access-${personId}`;
