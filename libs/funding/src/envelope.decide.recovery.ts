import { DomainError } from '#kernel';
import { formatEuros } from './money.js';
import type { CollectRecovery, OrderRecovery } from './envelope.commands.js';
import type { EnvelopeEvent, RecoveryTitleKind } from './envelope.events.js';
import type { Fund } from './envelope.id.js';
import { type Commitment, type EnvelopeState, netPaid, outstandingRecoveries } from './envelope.state.js';
import {
  COLLECTORS,
  RECOVERERS,
  positiveAmount,
  requireCommitment,
  requireOpen,
  requireReason,
  requireRole,
  requireText,
} from './envelope.guards.js';
import type { Stamp } from './envelope.decide.credits.js';

/** The State issues a titre de perception (FIP); an ARS, a public establishment, a titre de recettes (FIR). */
export const RECOVERY_TITLE_OF: Record<Fund, RecoveryTitleKind> = { fip: 'titre_de_perception', fir: 'titre_de_recettes' };
/** How people name each kind of recovery order. */
export const RECOVERY_TITLE_LABELS: Record<RecoveryTitleKind, string> = {
  titre_de_perception: 'titre de perception',
  titre_de_recettes: 'titre de recettes',
};

const conflict = (code: string, message: string, details: Record<string, unknown>) => new DomainError('conflict', code, message, details);

/** What a new recovery order may still claim: what was paid, net of what was paid back and of the titles outstanding. */
export const claimableOf = (c: Commitment) => netPaid(c) - outstandingRecoveries(c);

/** Finance issues a recovery order, with its reason, for at most what was paid and is not claimed already. */
export function decideOrderRecovery(cmd: OrderRecovery, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, RECOVERERS, 'issue a recovery order');
  const s = requireOpen(state);
  const c = requireCommitment(s, cmd.commitmentRef);
  const titleRef = requireText(cmd.titleRef, 'titleRef');
  const amountCents = positiveAmount(cmd.amountCents, 'amountCents');
  const reason = requireReason(cmd.reason);
  if (c.titles[titleRef]) throw conflict('ENVELOPE_RECOVERY_TITLE_EXISTS', `Le titre n° ${titleRef} existe déjà.`, { titleRef });
  const claimable = claimableOf(c);
  if (amountCents > claimable) {
    throw conflict(
      'ENVELOPE_RECOVERY_EXCEEDS_PAID',
      `Seuls ${formatEuros(Math.max(0, claimable))} payés sur l’engagement ${c.ref} ne sont pas déjà réclamés.`,
      { commitmentRef: c.ref, availableCents: Math.max(0, claimable), requestedCents: amountCents, field: 'amount', rule: 'at-most-paid' },
    );
  }
  const titleKind = RECOVERY_TITLE_OF[s.fund];
  const data = {
    ...stamp,
    year: s.currentYear,
    commitmentRef: c.ref,
    titleRef,
    titleKind,
    amountCents,
    reason,
    orderedBy: cmd.ctx.actor.id,
  };
  return [{ type: 'envelope.recovery_ordered', data }];
}

/**
 * The accountant collects a recovery order, possibly in parts. What pays back a payment of the current exercise
 * restores its CP (rétablissement de crédits: payments of the exercise are counted first); the rest is a receipt.
 */
export function decideCollectRecovery(cmd: CollectRecovery, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, COLLECTORS, 'collect a recovery order');
  const s = requireOpen(state);
  const c = requireCommitment(s, cmd.commitmentRef);
  const titleRef = requireText(cmd.titleRef, 'titleRef');
  const amountCents = positiveAmount(cmd.amountCents, 'amountCents');
  const title = c.titles[titleRef];
  if (!title)
    throw new DomainError('not_found', 'ENVELOPE_RECOVERY_TITLE_NOT_FOUND', `Aucun titre n° ${titleRef} sur l’engagement ${c.ref}.`, {
      titleRef,
      field: 'titleRef',
    });
  if (title.orderedBy === cmd.ctx.actor.id) {
    const message = 'Vous avez émis ce titre : le comptable qui le recouvre est une autre personne.';
    throw new DomainError('forbidden', 'SEPARATION_OF_DUTIES', message, { rule: 'issuer-never-collects', field: 'titleRef', titleRef });
  }
  const outstanding = title.amountCents - title.collectedCents;
  if (amountCents > outstanding) {
    throw conflict('ENVELOPE_RECOVERY_EXCEEDS_TITLE', `Il reste ${formatEuros(outstanding)} à recouvrer sur le titre n° ${titleRef}.`, {
      titleRef,
      availableCents: outstanding,
      requestedCents: amountCents,
      field: 'amount',
      rule: 'at-most-outstanding',
    });
  }
  const year = s.currentYear;
  const restorable = Math.max(0, (c.paidByYear[year] ?? 0) - (c.restoredByYear[year] ?? 0));
  const restoredCents = Math.min(amountCents, restorable);
  const data = {
    ...stamp,
    year,
    commitmentRef: c.ref,
    titleRef,
    amountCents,
    restoredCents,
    receiptCents: amountCents - restoredCents,
    reason: title.reason,
    collectedBy: cmd.ctx.actor.id,
  };
  return [{ type: 'envelope.recovery_collected', data }];
}
