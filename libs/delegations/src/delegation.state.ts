import type { DomainEvent } from '#kernel';
import type { ActKind } from './act-kinds.js';
import type {
  DelegationAuthority,
  DelegationDelegate,
  DelegationEvent,
  DelegationGranted,
  DelegationTerritory,
  RecordedBy,
} from './delegation.events.js';

/** A delegation of signature as its stream tells it. */
export interface Delegation {
  delegationId: string;
  authority: DelegationAuthority;
  delegate: DelegationDelegate;
  territories: readonly DelegationTerritory[];
  actKinds: readonly ActKind[];
  validFrom: string;
  validUntil: string | null;
  actReference: string;
  reason: string | null;
  granted: { by: RecordedBy; at: string };
  /** The revocation recorded: its end date shortens validUntil (never extends it). */
  revocation: { endsOn: string; reason: string; by: RecordedBy; at: string } | null;
}

export interface DelegationState {
  delegation: Delegation | null;
  /** Event types this version does not know: decide refuses rather than decide on a misread state. */
  unrecognisedEvents: readonly string[];
}

export const streamIdOfDelegation = (delegationId: string): string => `delegation-${delegationId}`;

export const initialDelegationState = (): DelegationState => ({ delegation: null, unrecognisedEvents: [] });

function granted(data: DelegationGranted['data']): Delegation {
  const { delegationId, authority, delegate, territories, actKinds, validFrom, validUntil, actReference, reason, by, at } = data;
  return {
    delegationId,
    authority,
    delegate,
    territories,
    actKinds,
    validFrom,
    validUntil,
    actReference,
    reason,
    granted: { by, at },
    revocation: null,
  };
}

export function evolveDelegation(state: DelegationState, event: DelegationEvent): DelegationState {
  switch (event.type) {
    case 'delegation.granted':
      return { ...state, delegation: granted(event.data) };
    case 'delegation.revoked': {
      if (!state.delegation) return state;
      const { endsOn, reason, by, at } = event.data;
      // A revocation only ever shortens (decide refuses a later end): folded, the earliest end stands.
      const previous = state.delegation.revocation?.endsOn;
      const end = previous !== undefined && previous < endsOn ? previous : endsOn;
      return { ...state, delegation: { ...state.delegation, revocation: { endsOn: end, reason, by, at } } };
    }
    default: {
      const unknown: never = event;
      return { ...state, unrecognisedEvents: [...state.unrecognisedEvents, (unknown as DomainEvent).type] };
    }
  }
}

/** A delegation stream's events folded: the delegation, or null when the stream holds no grant. */
export function delegationOf(events: readonly { type: string; data: unknown }[]): Delegation | null {
  return events.reduce((s, e) => evolveDelegation(s, e as DelegationEvent), initialDelegationState()).delegation;
}

/** The last day the delegation covers (inclusive), or null while it is open-ended. */
export function lastDayOf(delegation: Delegation): string | null {
  const { revocation, validUntil } = delegation;
  if (!revocation) return validUntil;
  return validUntil !== null && validUntil < revocation.endsOn ? validUntil : revocation.endsOn;
}

/** Whether the delegation is in force on `day` (inclusive bounds). */
export function isInForceOn(delegation: Delegation, day: string): boolean {
  const last = lastDayOf(delegation);
  return delegation.validFrom <= day && (last === null || day <= last);
}
