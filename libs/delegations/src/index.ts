export * from './act-kinds.js';
export * from './capacities.js';
export { isIsoDay, parisDayOf, frenchDay } from './iso-day.js';
export * from './delegation.events.js';
export {
  type Delegation,
  type DelegationState,
  delegationOf,
  evolveDelegation,
  initialDelegationState,
  isInForceOn,
  lastDayOf,
  streamIdOfDelegation,
} from './delegation.state.js';
export { coversDepartement, departementsOf, territoryPhrase } from './delegation.territory.js';
export {
  DELEGATION_READERS,
  assertCanManageDelegation,
  assertCanReadDelegation,
  canReadDelegation,
  delegationNotFound,
} from './delegation.policy.js';
export {
  type DelegationCommand,
  type GrantDelegation,
  type RevokeDelegation,
  decideDelegation,
  delegationDecider,
} from './delegation.decider.js';
export type { SignatureGap, SignedAct, Signer, SigningAuthority } from './signing.types.js';
export { maySign, signingAuthority } from './signing-authority.js';
