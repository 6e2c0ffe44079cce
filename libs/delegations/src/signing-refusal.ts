import { DomainError } from '#kernel';
import { territoryLabel } from '#territories';
import { ACT_KIND_LABELS } from './act-kinds.js';
import { capacityLabel, isAuthorityCapacity } from './capacities.js';
import { type Delegation, lastDayOf } from './delegation.state.js';
import type { SignatureGap, SignedAct, Signer } from './signing.types.js';
import { frenchDay } from './iso-day.js';

const CODE = 'SIGNATURE_NOT_COVERED';

const actFacts = (act: SignedAct) => ({ kind: act.kind, program: act.program, departement: act.departement, on: act.on });

/** « les projets éducation du département Meuse (55) ». */
function actTerritory(act: SignedAct): string {
  const program = act.program === 'education' ? 'éducation' : 'santé';
  return `les projets ${program} du département ${territoryLabel('departement', act.departement) ?? act.departement}`;
}

function datePhrase(delegation: Delegation, on: string): string {
  if (on < delegation.validFrom) return `n’était pas encore valide le ${frenchDay(on)} (à compter du ${frenchDay(delegation.validFrom)})`;
  const last = lastDayOf(delegation) ?? on;
  const revoked = delegation.revocation ? 'révoquée, ' : '';
  return `n’était plus valide le ${frenchDay(on)} (${revoked}fin le ${frenchDay(last)})`;
}

function phrase(gap: SignatureGap, delegation: Delegation, act: SignedAct): string {
  switch (gap) {
    case 'territory':
      return `ne couvre pas ${actTerritory(act)}`;
    case 'act_kind':
      return `ne couvre pas ${ACT_KIND_LABELS[act.kind]}`;
    case 'date':
      return datePhrase(delegation, act.on);
    case 'delegation':
      return 'n’existe pas';
  }
}

const joined = (parts: string[]) => (parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`);

/** The signer has no delegation in this capacity: an authority is outside its territory, a delegate has nothing to sign under. */
export function refusalWithoutDelegation(signer: Signer, act: SignedAct): DomainError {
  const facts = { signer: signer.personId, capacity: signer.capacity, act: actFacts(act), delegations: [] };
  if (isAuthorityCapacity(signer.capacity)) {
    return new DomainError(
      'forbidden',
      CODE,
      `En qualité de ${capacityLabel(signer.capacity)}, votre territoire ne comprend pas ${actTerritory(act)}, ` +
        'et aucune délégation de signature ne vous les confie.',
      { missing: ['territory'], ...facts },
    );
  }
  return new DomainError(
    'forbidden',
    CODE,
    `Vous n’avez aucune délégation de signature en qualité de ${capacityLabel(signer.capacity)} : ` +
      `vous ne pouvez pas signer ${ACT_KIND_LABELS[act.kind]}.`,
    { missing: ['delegation'], ...facts },
  );
}

/** The signer's delegations all lack something: what the closest one lacks, and what each lacks. */
export function refusalWithDelegations(
  signer: Signer,
  act: SignedAct,
  closest: { delegation: Delegation; gaps: SignatureGap[] },
  all: readonly { delegation: Delegation; gaps: SignatureGap[] }[],
): DomainError {
  const { delegation, gaps } = closest;
  const sentence = joined(gaps.map((gap) => phrase(gap, delegation, act)));
  return new DomainError(
    'forbidden',
    CODE,
    `Votre délégation de signature ${delegation.delegationId} (${delegation.actReference}) ${sentence}.`,
    {
      missing: gaps,
      delegationId: delegation.delegationId,
      signer: signer.personId,
      capacity: signer.capacity,
      act: actFacts(act),
      delegations: all.map((c) => ({ delegationId: c.delegation.delegationId, missing: c.gaps })),
    },
  );
}
