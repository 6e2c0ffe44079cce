import { type Actor, DomainError } from '#kernel';
import { canManageEnvelope, canSeeEnvelope } from '#funding';
import type { AwardAct } from './award-act.state.js';

const forbidden = (code: string, message: string, details: Record<string, unknown>) => new DomainError('forbidden', code, message, details);

/** Finance drafts and cancels the acts drawing on an envelope of its territory (an admin anywhere). */
export function assertCanDraftAwardAct(actor: Actor, envelopeId: string): void {
  if (actor.role === 'finance' || actor.role === 'admin') {
    if (canManageEnvelope(actor, envelopeId)) return;
    throw forbidden('AWARD_ACT_OUT_OF_SCOPE', `L’enveloppe ${envelopeId} est hors de votre territoire.`, { envelopeId, role: actor.role });
  }
  throw forbidden('AWARD_ACT_ROLE_FORBIDDEN', 'Seul le service financier (gestionnaire, ordonnateur) prépare un acte attributif.', {
    role: actor.role,
    allowedRoles: ['finance', 'admin'],
  });
}

/** Who signs for the authority: a decider (whose signing authority the application checks against the delegations). */
export function assertCanSignAwardAct(actor: Actor): void {
  if (actor.role === 'decider') return;
  throw forbidden('AWARD_ACT_ROLE_FORBIDDEN', 'Seule l’autorité (ou son délégataire) signe un acte attributif.', {
    role: actor.role,
    allowedRoles: ['decider'],
  });
}

/** A convention's second party: a person acting for the beneficiary organisation, or for the payee it named. */
export function assertCanCountersign(actor: Actor, act: AwardAct): string {
  const organisations = actor.role === 'holder' ? (actor.organisations ?? []) : [];
  const own = [act.beneficiaryId, act.payee.organisationId].find((id) => organisations.includes(id));
  if (own) return own;
  throw forbidden('AWARD_ACT_NOT_BENEFICIARY', 'Seul un représentant du bénéficiaire signe la convention pour lui.', {
    beneficiaryId: act.beneficiaryId,
    payeeId: act.payee.organisationId,
  });
}

/** Who reads an act: whoever sees its envelope (finance, deciders, auditors of the territory…) and the beneficiary's members. */
export function canReadAwardAct(actor: Actor, act: AwardAct): boolean {
  if (actor.role === 'holder') return (actor.organisations ?? []).some((o) => o === act.beneficiaryId || o === act.payee.organisationId);
  return canSeeEnvelope(actor, act.envelopeId);
}
