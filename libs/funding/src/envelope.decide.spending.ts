import { DomainError } from '#kernel';
import { formatEuros } from './money.js';
import type { Commit, ReleaseCommitment } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import { type EnvelopeState, available, unusedOf, yearLedger } from './envelope.state.js';
import {
  COMMITTERS,
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
import { splitConsequences } from './envelope.split.js';

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
  return [...events, ...splitConsequences(s, splitKey, commitmentRef, amountCents, stamp)];
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
