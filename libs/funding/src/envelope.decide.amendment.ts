import { DomainError } from '#kernel';
import { formatEuros } from './money.js';
import type { AdjustCommitment } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import { type EnvelopeState, available, netCommitted, unusedOf, yearLedger } from './envelope.state.js';
import { COMMITTERS, insufficient, optionalText, requireCommitment, requireOpen, requireRole } from './envelope.guards.js';
import type { Stamp } from './envelope.decide.credits.js';

const conflict = (code: string, message: string, details: Record<string, unknown>) => new DomainError('conflict', code, message, details);

/**
 * Adjusts the EJ to a signed amendment of its act (avenant): the EJ then commits what the act grants. An increase needs
 * AE of the current exercise; a reduction releases AE, never below what is certified; an extension or a change of payee
 * moves no credit. Finance's act, like the EJ itself; once per amendment.
 */
export function decideAdjustCommitment(cmd: AdjustCommitment, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, COMMITTERS, 'adjust a commitment');
  const s = requireOpen(state);
  const c = requireCommitment(s, cmd.commitmentRef);
  const a = cmd.amendment;
  if (!a || a.actId !== c.awardActId) {
    throw conflict('ENVELOPE_AMENDMENT_OTHER_ACT', `Cet avenant ne modifie pas l’acte de l’engagement ${c.ref}.`, {
      commitmentRef: c.ref,
      field: 'amendmentNumber',
      rule: 'amendment-of-this-act',
    });
  }
  if (!a.fullySigned) {
    throw conflict('ENVELOPE_AMENDMENT_NOT_SIGNED', `L’avenant n° ${a.number} n’est pas signé par toutes les parties.`, {
      amendmentNumber: a.number,
      field: 'amendmentNumber',
      rule: 'amendment-fully-signed',
    });
  }
  if (c.amendments.includes(a.number)) {
    throw conflict('ENVELOPE_AMENDMENT_APPLIED', `L’engagement ${c.ref} tient déjà compte de l’avenant n° ${a.number}.`, {
      amendmentNumber: a.number,
    });
  }
  const moves = a.kind === 'increase' || a.kind === 'reduction';
  const deltaCents = moves ? a.amountCents - netCommitted(c) : 0;
  if (deltaCents > 0) {
    const free = available(yearLedger(s).ae);
    if (deltaCents > free) throw insufficient('AE', s, free, deltaCents);
  }
  if (deltaCents < 0 && -deltaCents > unusedOf(c)) {
    throw conflict(
      'ENVELOPE_AMENDMENT_BELOW_CERTIFIED',
      `L’avenant ramène l’acte à ${formatEuros(a.amountCents)}, sous ce qui est déjà certifié (service fait) sur ${c.ref}.`,
      { commitmentRef: c.ref, unusedCents: unusedOf(c), requestedCents: -deltaCents, rule: 'never-below-certified' },
    );
  }
  const data = {
    ...stamp,
    year: s.currentYear,
    commitmentRef: c.ref,
    amendmentNumber: a.number,
    kind: a.kind,
    deltaCents,
    payee: a.payee,
    schedule: a.schedule.map(({ number, kind, amountCents }) => ({ number, kind, amountCents })),
    reason: optionalText(cmd.reason, 'reason', 2000),
    adjustedBy: cmd.ctx.actor.id,
  };
  return [{ type: 'envelope.commitment_adjusted', data }];
}
