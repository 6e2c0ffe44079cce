import type { Actor, DomainEvent } from '#kernel';
import type { ActKind } from './act-kinds.js';
import type { AuthorityCapacity, DelegateCapacity, TerritoryKind } from './capacities.js';

/** A territory by its official code: an académie ('12'), a région ('44', its ARS for health) or a département ('55'). */
export interface DelegationTerritory {
  kind: TerritoryKind;
  code: string;
}

/** Who delegates: a person in an authority capacity, over the territory they hold (an académie, a région). */
export interface DelegationAuthority {
  personId: string;
  capacity: AuthorityCapacity;
  territory: DelegationTerritory & { kind: 'academie' | 'region' };
}

/** Who receives the delegation, in which capacity (people are directory ids, never names). */
export interface DelegationDelegate {
  personId: string;
  capacity: DelegateCapacity;
}

/** Who recorded a fact: the authority itself, or an admin on its behalf. */
export interface RecordedBy {
  id: string;
  role: Actor['role'];
}

export const DelegationEventType = {
  Granted: 'delegation.granted',
  Revoked: 'delegation.revoked',
} as const;

export type DelegationGranted = DomainEvent<
  'delegation.granted',
  {
    delegationId: string;
    authority: DelegationAuthority;
    delegate: DelegationDelegate;
    /** Within the authority's territory; a delegation on an académie or a région covers its départements. */
    territories: DelegationTerritory[];
    actKinds: ActKind[];
    validFrom: string;
    /** null: open-ended, until revoked (a delegation also ends when either person leaves office: that is a revocation). */
    validUntil: string | null;
    /** The arrêté's reference (« Arrêté n° 2023-45 du 1er septembre 2023 portant délégation de signature »). */
    actReference: string;
    reason: string | null;
    by: RecordedBy;
    at: string;
  }
>;

/** The delegation ends on `endsOn` (inclusive): acts dated after it are refused; acts signed before stay as recorded. */
export type DelegationRevoked = DomainEvent<
  'delegation.revoked',
  { delegationId: string; endsOn: string; reason: string; by: RecordedBy; at: string }
>;

export type DelegationEvent = DelegationGranted | DelegationRevoked;

const TYPES: readonly string[] = Object.values(DelegationEventType);

/** A stored event as a delegation event, or undefined for another type. */
export function asDelegationEvent(event: { type: string; data: unknown }): DelegationEvent | undefined {
  return TYPES.includes(event.type) ? (event as DelegationEvent) : undefined;
}
