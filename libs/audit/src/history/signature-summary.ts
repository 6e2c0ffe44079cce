import { type Capacity, capacityLabel } from '#delegations';
import type { DecisionSignature } from '#projects';

const SESSION_KIND_LABELS: Record<string, string> = {
  commission_academique: 'la commission académique',
  commission_departementale: 'la commission départementale',
  cts: 'le conseil territorial de santé',
};
const OUTCOME_LABELS: Record<string, string> = { favourable: 'favorable', unfavourable: 'défavorable', to_complete: 'à compléter' };

/** How a decision was signed, in the history's French: capacity, delegation (or own right), the proposal followed or not. */
export function signatureSummary(s: DecisionSignature | undefined): string {
  if (!s) return '';
  const capacity = safeLabel(s.capacity);
  const under = s.delegationId ? `par délégation de signature (${s.actReference ?? s.delegationId})` : 'en son nom propre';
  const day = s.proposal?.sessionDate ? ` du ${s.proposal.sessionDate.split('-').reverse().join('/')}` : '';
  const committee = s.proposal && `${SESSION_KIND_LABELS[s.proposal.sessionKind] ?? 'la commission'}${day}`;
  const proposal = s.proposal ? `proposition ${OUTCOME_LABELS[s.proposal.outcome] ?? s.proposal.outcome} de ${committee}` : undefined;
  const followed = proposal && !s.departureReason ? `, suivant la ${proposal}` : '';
  const departed = s.departureReason
    ? proposal
      ? `, s’écartant de la ${proposal} : ${s.departureReason}`
      : `, sans proposition de commission : ${s.departureReason}`
    : '';
  return ` — signé en qualité de ${capacity}, ${under}${followed}${departed}`;
}

function safeLabel(capacity: string): string {
  try {
    return capacityLabel(capacity as Capacity);
  } catch {
    return capacity;
  }
}
