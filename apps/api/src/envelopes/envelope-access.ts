import { type Actor, DomainError } from '#kernel';
import { canSeeEnvelope } from '#audit';

/**
 * Who may run commands on an envelope: admin (national) on every envelope; finance only on the envelopes of the
 * territories in their scope (an académie's finance officer on 'academie-<code>' envelopes, an ARS's on 'ars-<région>'),
 * never on national ones. The route already admits only finance and admin.
 */
export function assertCanManage(actor: Actor, envelopeId: string): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'finance' && canSeeEnvelope(actor, envelopeId)) return;
  throw new DomainError('forbidden', 'ENVELOPE_OUT_OF_SCOPE', `envelope ${envelopeId} is outside the territory of ${actor.id}`, {
    envelopeId,
    role: actor.role,
    scope: actor.scope,
  });
}

/** Reading: national roles everywhere, others within their territory (the audit rule). */
export function assertCanRead(actor: Actor, envelopeId: string): void {
  if (!canSeeEnvelope(actor, envelopeId)) {
    throw new DomainError('forbidden', 'ENVELOPE_OUT_OF_SCOPE', `envelope ${envelopeId} is outside your territory`, {
      envelopeId,
      role: actor.role,
    });
  }
}
