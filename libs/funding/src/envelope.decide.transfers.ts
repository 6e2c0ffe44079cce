import { DomainError, invalid } from '#kernel';
import type { AllocateToChild, ReceiveAllocation, ReceiveTransfer, TransferToSibling } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import { type EnvelopeState, type OpenedEnvelope, available, yearLedger } from './envelope.state.js';
import {
  RECEIVERS,
  MANAGERS,
  creditPair,
  insufficient,
  optionalText,
  relatedEnvelope,
  requireOpen,
  requireReason,
  requireRole,
} from './envelope.guards.js';
import type { Stamp } from './envelope.decide.credits.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The outgoing half of an allocation or a transfer consumes AE and CP that are still free this year. */
function requireFree(s: OpenedEnvelope, aeCents: number, cpCents: number): void {
  const y = yearLedger(s);
  if (aeCents > available(y.ae)) throw insufficient('AE', s, available(y.ae), aeCents);
  if (cpCents > available(y.cp)) throw insufficient('CP', s, available(y.cp), cpCents);
}

function eventRef(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value))
    throw invalid('ENVELOPE_INVALID_EVENT_REF', field, 'the UUID of the originating event');
  return value.toLowerCase();
}

export function decideAllocate(cmd: AllocateToChild, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, MANAGERS, 'allocate to a child envelope');
  const s = requireOpen(state);
  const childId = relatedEnvelope(s, cmd.childId, 'childId');
  if (childId === s.parentId) throw invalid('ENVELOPE_INVALID_CHILD', 'childId', 'the parent cannot be a child');
  const { aeCents, cpCents } = creditPair(cmd.aeCents, cmd.cpCents);
  requireFree(s, aeCents, cpCents);
  return [
    {
      type: 'envelope.allocated_to_child',
      data: { ...stamp, year: s.currentYear, childId, aeCents, cpCents, reason: optionalText(cmd.reason, 'reason', 2000) },
    },
  ];
}

export function decideReceiveAllocation(cmd: ReceiveAllocation, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, RECEIVERS, 'receive an allocation');
  const s = requireOpen(state);
  if (s.parentId === null || cmd.parentId !== s.parentId) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_NOT_A_CHILD',
      `L’enveloppe ${s.envelopeId} n’est pas une fille de ${String(cmd.parentId)}.`,
      {
        envelopeId: s.envelopeId,
        parentId: s.parentId,
        requestedParentId: cmd.parentId ?? null,
      },
    );
  }
  const { aeCents, cpCents } = creditPair(cmd.aeCents, cmd.cpCents);
  return [
    {
      type: 'envelope.allocation_received',
      data: {
        ...stamp,
        year: s.currentYear,
        parentId: s.parentId,
        parentEventId: eventRef(cmd.parentEventId, 'parentEventId'),
        aeCents,
        cpCents,
      },
    },
  ];
}

export function decideTransfer(cmd: TransferToSibling, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, MANAGERS, 'transfer credits');
  const s = requireOpen(state);
  const reason = requireReason(cmd.reason);
  const toId = relatedEnvelope(s, cmd.toId, 'toId');
  if (toId === s.parentId || s.children[toId])
    throw invalid('ENVELOPE_NOT_A_SIBLING', 'toId', 'a sibling: an envelope with the same parent');
  const { aeCents, cpCents } = creditPair(cmd.aeCents, cmd.cpCents);
  requireFree(s, aeCents, cpCents);
  return [{ type: 'envelope.transferred', data: { ...stamp, year: s.currentYear, toId, aeCents, cpCents, reason } }];
}

export function decideReceiveTransfer(cmd: ReceiveTransfer, state: EnvelopeState, stamp: Stamp): EnvelopeEvent[] {
  requireRole(cmd.ctx, RECEIVERS, 'receive a transfer');
  const s = requireOpen(state);
  const reason = requireReason(cmd.reason);
  const fromId = relatedEnvelope(s, cmd.fromId, 'fromId');
  if ((cmd.parentId ?? null) !== s.parentId) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_NOT_A_SIBLING',
      `${fromId} et ${s.envelopeId} ne sont pas rattachées à la même enveloppe parente.`,
      {
        envelopeId: s.envelopeId,
        parentId: s.parentId,
        sourceParentId: cmd.parentId ?? null,
      },
    );
  }
  const { aeCents, cpCents } = creditPair(cmd.aeCents, cmd.cpCents);
  return [
    {
      type: 'envelope.transfer_received',
      data: {
        ...stamp,
        year: s.currentYear,
        fromId,
        sourceEventId: eventRef(cmd.sourceEventId, 'sourceEventId'),
        aeCents,
        cpCents,
        reason,
      },
    },
  ];
}
