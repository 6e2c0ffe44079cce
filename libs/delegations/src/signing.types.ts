import type { Actor } from '#kernel';
import type { ActKind } from './act-kinds.js';
import type { ActProgram, Capacity } from './capacities.js';
import type { DelegationAuthority } from './delegation.events.js';

/** Who signs: a person in a capacity, with the territory of their decider grant (from the directory). */
export interface Signer {
  personId: string;
  capacity: Capacity;
  scope: Actor['scope'];
}

/** What is signed: its kind, the administration and département of the project, and its day in Paris ('YYYY-MM-DD'). */
export interface SignedAct {
  kind: ActKind;
  program: ActProgram;
  departement: string;
  on: string;
}

/** Under what an act is signed: in the signer's own right (no delegation), or under the delegation named. */
export interface SigningAuthority {
  capacity: Capacity;
  delegationId?: string;
  actReference?: string;
  authority?: DelegationAuthority;
}

/** What a delegation lacks for an act, in this order. 'delegation': the signer has none at all. */
export type SignatureGap = 'territory' | 'act_kind' | 'date' | 'delegation';
