import { DomainError, invalid } from '#kernel';
import { academieOfDepartement, findDepartement, regionOfDepartement } from '#territories';
import { isActKind } from './act-kinds.js';
import { AUTHORITY_RULES, isAuthorityCapacity, programOfCapacity } from './capacities.js';
import { type Delegation, isInForceOn } from './delegation.state.js';
import { coversDepartement } from './delegation.territory.js';
import { isIsoDay } from './iso-day.js';
import { refusalWithDelegations, refusalWithoutDelegation } from './signing-refusal.js';
import type { SignatureGap, SignedAct, Signer, SigningAuthority } from './signing.types.js';

/** An authority signs in its own right within the territory of its grant, for its own administration. */
function signsInOwnRight(signer: Signer, act: SignedAct): boolean {
  if (!isAuthorityCapacity(signer.capacity) || AUTHORITY_RULES[signer.capacity].program !== act.program) return false;
  const held = AUTHORITY_RULES[signer.capacity].territory === 'academie' ? signer.scope.academies : signer.scope.regions;
  const code = signer.capacity === 'recteur' ? academieOfDepartement(act.departement)?.code : regionOfDepartement(act.departement)?.code;
  return code !== undefined && (held ?? []).some((c) => c.toUpperCase() === code);
}

export function gapsOf(delegation: Delegation, act: SignedAct): SignatureGap[] {
  const gaps: SignatureGap[] = [];
  const inTerritory =
    programOfCapacity(delegation.authority.capacity) === act.program &&
    delegation.territories.some((t) => coversDepartement(t, act.departement));
  if (!inTerritory) gaps.push('territory');
  if (!delegation.actKinds.includes(act.kind)) gaps.push('act_kind');
  if (!isInForceOn(delegation, act.on)) gaps.push('date');
  return gaps;
}

/**
 * Of several delegations, the one used: the latest in force (greatest validFrom: a newer arrêté supersedes the former),
 * then the smallest id; so the answer never depends on the order the delegations were read in.
 */
export function byPreference(a: Delegation, b: Delegation): number {
  if (a.validFrom !== b.validFrom) return a.validFrom > b.validFrom ? -1 : 1;
  return a.delegationId < b.delegationId ? -1 : a.delegationId > b.delegationId ? 1 : 0;
}

function checkedAct(act: SignedAct): SignedAct {
  if (!isActKind(act.kind)) throw invalid('SIGNATURE_INVALID_ACT', 'kind', 'act-kind');
  if (!isIsoDay(act.on)) throw invalid('SIGNATURE_INVALID_ACT', 'on', 'iso-day');
  return { ...act, departement: findDepartement(act.departement)?.code ?? act.departement };
}

/**
 * May this signer sign this act, and under what: their own right (an authority within its territory), or a delegation
 * naming them in their capacity that covers the act's territory and kind and is in force on its day. Otherwise a 403
 * SIGNATURE_NOT_COVERED whose `missing` names what lacks (of the delegation closest to covering the act).
 */
export function signingAuthority(signer: Signer, rawAct: SignedAct, delegations: readonly Delegation[]): SigningAuthority {
  const act = checkedAct(rawAct);
  if (signsInOwnRight(signer, act)) return { capacity: signer.capacity };
  const theirs = delegations
    .filter((d) => d.delegate.personId === signer.personId && d.delegate.capacity === signer.capacity)
    .sort(byPreference)
    .map((delegation) => ({ delegation, gaps: gapsOf(delegation, act) }));
  const used = theirs.find((c) => c.gaps.length === 0)?.delegation;
  if (used) {
    const { delegationId, actReference, authority } = used;
    return { capacity: signer.capacity, delegationId, actReference, authority };
  }
  if (theirs.length === 0) throw refusalWithoutDelegation(signer, act);
  const closest = [...theirs].sort((a, b) => a.gaps.length - b.gaps.length)[0]!;
  throw refusalWithDelegations(signer, act, closest, theirs);
}

/** The same rule as a yes/no: whether `signingAuthority` accepts. */
export function maySign(signer: Signer, act: SignedAct, delegations: readonly Delegation[]): boolean {
  try {
    signingAuthority(signer, act, delegations);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SIGNATURE_NOT_COVERED') return false;
    throw error;
  }
}
