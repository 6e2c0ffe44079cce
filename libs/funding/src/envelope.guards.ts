import { type Actor, type CommandContext, DomainError, invalid } from '#kernel';
import { type Cents, assertCents, formatEuros } from './money.js';
import { parseEnvelopeId } from './envelope.id.js';
import type { Commitment, EnvelopeState, OpenedEnvelope } from './envelope.state.js';

export type Role = Actor['role'];

/** finance (gestionnaire, ordonnateur) and admin manage envelopes. */
export const MANAGERS: readonly Role[] = ['finance', 'admin'];
/** Commitments are a person's act (finance, or an admin): the funding process moves no money (issue 15). */
export const COMMITTERS: readonly Role[] = ['finance', 'admin'];
/** The receiving half of an allocation or a transfer: written by whoever wrote the first half, or by the recovery sweep. */
export const RECEIVERS: readonly Role[] = ['finance', 'admin', 'system'];
/** Service fait is certified by a finance officer (never the beneficiary, never the system). */
export const CERTIFIERS: readonly Role[] = ['finance', 'admin'];
/** The ordonnateur (finance) liquidates and orders payments. */
export const ORDONNATEURS: readonly Role[] = ['finance', 'admin'];
/** The public accountant (comptable) pays: a role of its own. */
export const PAYERS: readonly Role[] = ['accountant'];
/** Recovery orders (titres) are issued by finance, the ordonnateur. */
export const RECOVERERS: readonly Role[] = ['finance', 'admin'];
/** The public accountant collects them. */
export const COLLECTORS: readonly Role[] = ['accountant'];

export function requireRole(ctx: CommandContext, allowed: readonly Role[], operation: string): void {
  const role = ctx?.actor?.role;
  if (!role || !allowed.includes(role)) {
    throw new DomainError(
      'forbidden',
      'ENVELOPE_ROLE_FORBIDDEN',
      `Le rôle ${role ?? '(aucun)'} ne permet pas de réaliser cette opération (${operation}).`,
      {
        role: role ?? null,
        allowedRoles: [...allowed],
        operation,
      },
    );
  }
}

export function requireOpen(state: EnvelopeState): OpenedEnvelope {
  if (state.status === 'none')
    throw new DomainError('not_found', 'ENVELOPE_NOT_FOUND', 'Aucune enveloppe n’a été ouverte sur ce flux.', {});
  if (state.status === 'closed') {
    throw new DomainError('conflict', 'ENVELOPE_CLOSED', `L’enveloppe ${state.envelopeId} est clôturée : sa période est terminée.`, {
      envelopeId: state.envelopeId,
      status: state.status,
      allowedActions: [],
    });
  }
  return state;
}

/** A required motivation: 1..2000 characters once trimmed. */
export function requireReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim().length === 0)
    throw invalid('REASON_REQUIRED', 'reason', 'a non-empty motivation is required');
  return optionalText(reason, 'reason', 2000)!;
}

export function optionalText(value: unknown, field: string, max = 200): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    throw invalid('ENVELOPE_INVALID_TEXT', field, `a non-empty string of at most ${max} characters`);
  }
  return value.trim();
}

export function requireText(value: unknown, field: string, max = 200): string {
  const text = optionalText(value, field, max);
  if (text === null) throw invalid('ENVELOPE_INVALID_TEXT', field, 'required');
  return text;
}

export function positiveAmount(value: unknown, field: string): Cents {
  const cents = assertCents(value, field);
  if (cents === 0)
    throw new DomainError('invalid', 'INVALID_AMOUNT', `${field} : le montant doit être supérieur à zéro.`, { field, rule: 'positive' });
  return cents;
}

/** An (AE, CP) pair where each is >= 0 and at least one is > 0. */
export function creditPair(ae: unknown, cp: unknown): { aeCents: Cents; cpCents: Cents } {
  const aeCents = assertCents(ae, 'aeCents');
  const cpCents = assertCents(cp, 'cpCents');
  if (aeCents === 0 && cpCents === 0)
    throw new DomainError('invalid', 'INVALID_AMOUNT', 'Les montants d’AE et de CP sont tous deux nuls.', {
      field: 'aeCents',
      rule: 'positive',
    });
  return { aeCents, cpCents };
}

/** Another envelope of the same fund, not this one. */
export function relatedEnvelope(state: OpenedEnvelope, id: unknown, field: string): string {
  const parsed = typeof id === 'string' ? parseEnvelopeId(id) : undefined;
  if (!parsed) throw invalid('ENVELOPE_INVALID_ID', field, 'an envelope id such as fip-academie-09-2023');
  if (id === state.envelopeId) throw invalid('ENVELOPE_SELF_REFERENCE', field, 'must be another envelope');
  if (parsed.fund !== state.fund) throw invalid('ENVELOPE_FUND_MISMATCH', field, `must be a ${state.fund} envelope`);
  return id as string;
}

export function requireCommitment(state: OpenedEnvelope, ref: unknown): Commitment {
  const c = typeof ref === 'string' ? state.commitments.get(ref) : undefined;
  if (!c) {
    throw new DomainError(
      'not_found',
      'ENVELOPE_COMMITMENT_NOT_FOUND',
      `Aucun engagement ${String(ref)} sur l’enveloppe ${state.envelopeId}.`,
      {
        commitmentRef: ref ?? null,
        envelopeId: state.envelopeId,
      },
    );
  }
  return c;
}

export function insufficient(kind: 'AE' | 'CP', state: OpenedEnvelope, availableCents: Cents, requestedCents: Cents): DomainError {
  return new DomainError(
    'conflict',
    `ENVELOPE_INSUFFICIENT_${kind}`,
    `${kind} insuffisantes sur ${state.envelopeId} pour ${state.currentYear} : ` +
      `${formatEuros(availableCents)} disponibles, ${formatEuros(requestedCents)} demandés.`,
    { envelopeId: state.envelopeId, year: state.currentYear, availableCents, requestedCents },
  );
}
