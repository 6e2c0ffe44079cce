import { DomainError } from '#kernel';
import { formatEuros } from './money.js';
import type { AdjustCommitment, CommitmentAmendment } from './envelope.commands.js';
import { splitConsequences } from './envelope.split.js';
import type { EnvelopeEvent } from './envelope.events.js';
import { type Commitment, type EnvelopeState, available, netCommitted, unusedOf, yearLedger } from './envelope.state.js';
import { COMMITTERS, insufficient, optionalText, requireCommitment, requireOpen, requireRole } from './envelope.guards.js';
import type { Stamp } from './envelope.decide.credits.js';

const conflict = (code: string, message: string, details: Record<string, unknown>) => new DomainError('conflict', code, message, details);

/** Each instalment of the amended schedule keeps at least what was already certified on it (service fait stands). */
function assertScheduleCoversCertified(c: Commitment, schedule: CommitmentAmendment['schedule']): void {
  // A commitment recorded without a schedule certifies on instalment 0, not broken down: only its total is checked.
  if (schedule.length === 0 || c.schedule.length === 0) return;
  for (const [n, line] of Object.entries(c.lines)) {
    const amountCents = schedule.find((x) => x.number === Number(n))?.amountCents ?? 0;
    if (line.certified <= amountCents) continue;
    throw conflict(
      'ENVELOPE_AMENDMENT_BELOW_CERTIFIED',
      `L’avenant ramène l’échéance ${n} à ${formatEuros(amountCents)}, sous ce qui y est déjà certifié (${formatEuros(line.certified)}).`,
      { commitmentRef: c.ref, instalment: Number(n), certifiedCents: line.certified, rule: 'never-below-certified' },
    );
  }
}

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
  // An increase adds what the act gained since the EJ last followed it (a skipped amendment is caught up); a reduction
  // brings the EJ down to the act's new amount, and moves nothing when releases already took it below.
  const deltaCents =
    a.kind === 'increase' ? a.amountCents - c.actAmountCents : a.kind === 'reduction' ? Math.min(0, a.amountCents - netCommitted(c)) : 0;
  if (a.kind === 'increase' && deltaCents < 0) {
    throw conflict('ENVELOPE_AMENDMENT_SKIPPED', `Ajustez d’abord l’engagement ${c.ref} aux avenants antérieurs au n° ${a.number}.`, {
      amendmentNumber: a.number,
      applied: c.amendments,
      field: 'amendmentNumber',
      rule: 'amendments-in-order',
    });
  }
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
  assertScheduleCoversCertified(c, a.schedule);
  const split = deltaCents > 0 ? splitConsequences(s, c.splitKey, c.ref, deltaCents, stamp) : [];
  const data = {
    ...stamp,
    year: s.currentYear,
    commitmentRef: c.ref,
    amendmentNumber: a.number,
    kind: a.kind,
    actAmountCents: a.amountCents,
    deltaCents,
    payee: a.payee,
    schedule: a.schedule.map(({ number, kind, amountCents }) => ({ number, kind, amountCents })),
    reason: optionalText(cmd.reason, 'reason', 2000),
    adjustedBy: cmd.ctx.actor.id,
  };
  return [{ type: 'envelope.commitment_adjusted', data }, ...split];
}
