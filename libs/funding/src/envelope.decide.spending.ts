import { DomainError, invalid } from '#kernel';
import { addCents, formatEuros } from './money.js';
import type { Commit, PayInstalment, Recover, RecordServiceDone, ReleaseCommitment } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import { type EnvelopeState, available, netCertified, netCommitted, netPaid, unusedOf, yearLedger } from './envelope.state.js';
import {
  COMMITTERS,
  PAYERS,
  insufficient,
  optionalText,
  positiveAmount,
  requireCommitment,
  requireOpen,
  requireReason,
  requireRole,
  requireText,
} from './envelope.guards.js';
import type { Stamp } from './envelope.decide.credits.js';
import { committedAct } from './envelope.decide.commitment-act.js';

export function decideCommit(cmd: Commit, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, COMMITTERS, 'commit');
  const s = requireOpen(state);
  const commitmentRef = requireText(cmd.commitmentRef, 'commitmentRef');
  const projectId = requireText(cmd.projectId, 'projectId');
  const amountCents = positiveAmount(cmd.amountCents, 'amountCents');
  const splitKey = optionalText(cmd.splitKey, 'splitKey', 100);
  if (s.commitments.get(commitmentRef)) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_COMMITMENT_EXISTS',
      `L’engagement ${commitmentRef} existe déjà sur l’enveloppe ${s.envelopeId}.`,
      {
        commitmentRef,
        projectId: s.commitments.get(commitmentRef)!.projectId,
      },
    );
  }
  const ej = committedAct(cmd, s, commitmentRef, projectId, amountCents);
  const free = available(yearLedger(s).ae);
  if (amountCents > free) throw insufficient('AE', s, free, amountCents);
  const events: EnvelopeEvent[] = [
    {
      type: 'envelope.committed',
      data: {
        ...stamp,
        year: s.currentYear,
        commitmentRef,
        projectId,
        amountCents,
        splitKey,
        reason: optionalText(cmd.reason, 'reason', 2000),
        ...ej,
      },
    },
  ];
  const split = s.split;
  if (!split) return events;
  if (splitKey === null) {
    if (split.mode === 'hard') throw invalid('ENVELOPE_SPLIT_KEY_REQUIRED', 'splitKey', `one of ${Object.keys(split.shares).join(', ')}`);
    return events;
  }
  const shareCents = split.shares[splitKey];
  if (shareCents === undefined) {
    throw invalid('ENVELOPE_UNKNOWN_SPLIT_KEY', 'splitKey', `one of ${Object.keys(split.shares).join(', ')}`, {
      allowed: Object.keys(split.shares),
    });
  }
  const committedCents = addCents(s.splitCommitted[splitKey] ?? 0, amountCents);
  if (committedCents <= shareCents) return events;
  if (split.mode === 'hard') {
    throw new DomainError(
      'conflict',
      'ENVELOPE_SPLIT_EXCEEDED',
      `La part de ${splitKey} sur l’enveloppe ${s.envelopeId} serait dépassée.`,
      {
        splitKey,
        shareCents,
        committedCents: committedCents - amountCents,
        requestedCents: amountCents,
        availableCents: Math.max(0, shareCents - (committedCents - amountCents)),
      },
    );
  }
  events.push({
    type: 'envelope.split_exceeded',
    data: { ...stamp, splitKey, commitmentRef, shareCents, committedCents, excessCents: committedCents - shareCents },
  });
  return events;
}

export function decideRelease(cmd: ReleaseCommitment, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, COMMITTERS, 'release a commitment');
  const s = requireOpen(state);
  const reason = requireReason(cmd.reason);
  const c = requireCommitment(s, cmd.commitmentRef);
  const unused = unusedOf(c);
  if (cmd.amountCents === undefined && unused === 0) {
    throw new DomainError('conflict', 'ENVELOPE_NOTHING_TO_RELEASE', `L’engagement ${c.ref} n’a pas de reliquat à désengager.`, {
      commitmentRef: c.ref,
      unusedCents: 0,
    });
  }
  const amountCents = cmd.amountCents === undefined ? unused : positiveAmount(cmd.amountCents, 'amountCents');
  if (amountCents > unused) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_RELEASE_EXCEEDS_UNUSED',
      `Seuls ${formatEuros(unused)} de l’engagement ${c.ref} ne sont pas consommés.`,
      {
        commitmentRef: c.ref,
        unusedCents: unused,
        availableCents: unused,
        requestedCents: amountCents,
      },
    );
  }
  return [{ type: 'envelope.commitment_released', data: { ...stamp, year: s.currentYear, commitmentRef: c.ref, amountCents, reason } }];
}

export function decideServiceDone(cmd: RecordServiceDone, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, PAYERS, 'certify service done');
  const s = requireOpen(state);
  const c = requireCommitment(s, cmd.commitmentRef);
  const amountCents = positiveAmount(cmd.amountCents, 'amountCents');
  if (amountCents > unusedOf(c)) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_SERVICE_EXCEEDS_COMMITMENT',
      `Seuls ${formatEuros(unusedOf(c))} de l’engagement ${c.ref} restent à certifier (service fait).`,
      {
        commitmentRef: c.ref,
        availableCents: unusedOf(c),
        requestedCents: amountCents,
      },
    );
  }
  return [
    {
      type: 'envelope.service_done',
      data: { ...stamp, year: s.currentYear, commitmentRef: c.ref, amountCents, reference: optionalText(cmd.reference, 'reference') },
    },
  ];
}

export function decidePay(cmd: PayInstalment, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, PAYERS, 'pay');
  const s = requireOpen(state);
  const c = requireCommitment(s, cmd.commitmentRef);
  const amountCents = positiveAmount(cmd.amountCents, 'amountCents');
  const unpaid = netCommitted(c) - netPaid(c);
  if (amountCents > unpaid) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_PAYMENT_EXCEEDS_COMMITMENT',
      `Seuls ${formatEuros(unpaid)} de l’engagement ${c.ref} sont engagés et non payés.`,
      {
        commitmentRef: c.ref,
        availableCents: unpaid,
        requestedCents: amountCents,
      },
    );
  }
  const payable = netCertified(c) - netPaid(c);
  const toCertify = Math.max(0, amountCents - payable);
  if (toCertify > 0 && !cmd.certifyServiceDone) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_SERVICE_NOT_DONE',
      `Seuls ${formatEuros(payable)} de l’engagement ${c.ref} sont certifiés (service fait) et non payés.`,
      {
        commitmentRef: c.ref,
        availableCents: payable,
        requestedCents: amountCents,
        allowedActions: ['RecordServiceDone'],
      },
    );
  }
  const free = available(yearLedger(s).cp);
  if (amountCents > free) throw insufficient('CP', s, free, amountCents);
  const events: EnvelopeEvent[] = [];
  if (toCertify > 0) {
    events.push({
      type: 'envelope.service_done',
      data: {
        ...stamp,
        year: s.currentYear,
        commitmentRef: c.ref,
        amountCents: toCertify,
        reference: optionalText(cmd.reference, 'reference'),
      },
    });
  }
  events.push({
    type: 'envelope.paid',
    data: { ...stamp, year: s.currentYear, commitmentRef: c.ref, amountCents, instalment: c.instalments + 1 },
  });
  return events;
}

export function decideRecover(cmd: Recover, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, PAYERS, 'recover a payment');
  const s = requireOpen(state);
  const reason = requireReason(cmd.reason);
  const c = requireCommitment(s, cmd.commitmentRef);
  const amountCents = positiveAmount(cmd.amountCents, 'amountCents');
  if (amountCents > netPaid(c)) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_RECOVERY_EXCEEDS_PAID',
      `Seuls ${formatEuros(netPaid(c))} de l’engagement ${c.ref} ont été payés.`,
      {
        commitmentRef: c.ref,
        availableCents: netPaid(c),
        requestedCents: amountCents,
      },
    );
  }
  return [{ type: 'envelope.recovered', data: { ...stamp, year: s.currentYear, commitmentRef: c.ref, amountCents, reason } }];
}
