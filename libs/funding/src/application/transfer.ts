import { type CommandContext, DomainError } from '#kernel';
import type { EventStore, RecordedEvent } from '#event-store';
import type { Cents } from '../money.js';
import type { Transferred } from '../envelope.events.js';
import { commandFingerprint } from '../request-id.js';
import { type EnvelopeCommandOptions, type EnvelopeCommandResult, handleEnvelopeCommand, loadEnvelope } from './handle-envelope-command.js';
import { CROSS_ENVELOPE_SCOPE, type CrossEnvelopeResult, assertSameExercise, sentEvent } from './allocate-to-child.js';

export interface TransferInput {
  fromId: string;
  toId: string;
  requestId: string;
  aeCents: Cents;
  cpCents: Cents;
  reason: string;
  ctx: CommandContext;
}

export const transferRequestId = (sourceEventId: string) => `transfer:${sourceEventId}`;

/**
 * Transfer between siblings (same parent), two streams: the source records envelope.transferred (consuming
 * its free credits), then the target records envelope.transfer_received with a request id derived from the
 * source's event id. Re-running the same call after a crash completes it; the parent's allocation total
 * does not change (the money stays among its children).
 */
export async function transfer(
  store: EventStore,
  input: TransferInput,
  options: EnvelopeCommandOptions = {},
): Promise<CrossEnvelopeResult> {
  const sent = await handleEnvelopeCommand(
    store,
    input.fromId,
    {
      type: 'TransferToSibling',
      requestId: input.requestId,
      ctx: input.ctx,
      toId: input.toId,
      aeCents: input.aeCents,
      cpCents: input.cpCents,
      reason: input.reason,
    },
    // A retry of an accepted transfer answers its first outcome, whatever the target became since.
    { ...options, precondition: () => assertSibling(store, input.fromId, input.toId) },
  );
  const recorded = sentEvent(sent, 'envelope.transferred', input.fromId);
  const target = await receiveTransfer(
    store,
    input.fromId,
    sent.state.status === 'none' ? null : sent.state.parentId,
    recorded,
    input.ctx,
    options,
  );
  return { source: sent, target };
}

export async function receiveTransfer(
  store: EventStore,
  fromId: string,
  parentId: string | null,
  recorded: Pick<RecordedEvent, 'id' | 'data'>,
  ctx: CommandContext,
  options: EnvelopeCommandOptions = {},
): Promise<EnvelopeCommandResult> {
  const data = recorded.data as Transferred['data'];
  const command = {
    type: 'ReceiveTransfer' as const,
    requestId: transferRequestId(recorded.id),
    ctx,
    fromId,
    parentId,
    sourceEventId: recorded.id,
    aeCents: data.aeCents,
    cpCents: data.cpCents,
    reason: data.reason,
  };
  const { precondition: _first, ...rest } = options;
  return handleEnvelopeCommand(store, data.toId, command, {
    ...rest,
    scope: CROSS_ENVELOPE_SCOPE,
    fingerprint: commandFingerprint(command),
    claim: 'before-writing',
    causationId: recorded.id,
    correlationId: data.requestId,
  });
}

async function assertSibling(store: EventStore, fromId: string, toId: string): Promise<void> {
  const [from, to] = await Promise.all([loadEnvelope(store, fromId), loadEnvelope(store, toId)]);
  if (to.state.status === 'none')
    throw new DomainError('not_found', 'ENVELOPE_NOT_FOUND', `L’enveloppe ${toId} n’est pas ouverte.`, { envelopeId: toId });
  if (to.state.status === 'closed')
    throw new DomainError('conflict', 'ENVELOPE_CLOSED', `L’enveloppe ${toId} est clôturée.`, { envelopeId: toId, status: 'closed' });
  const fromParent = from.state.status === 'none' ? null : from.state.parentId;
  // Siblings share one parent: two root envelopes (no parent) are not siblings.
  if (fromParent === null || fromParent !== to.state.parentId) {
    throw new DomainError(
      'conflict',
      'ENVELOPE_NOT_A_SIBLING',
      `${fromId} et ${toId} ne sont pas rattachées à la même enveloppe parente : un virement ne se fait qu’entre enveloppes sœurs.`,
      { envelopeId: toId, parentId: to.state.parentId, sourceParentId: fromParent, field: 'toId', rule: 'siblings-of-one-parent' },
    );
  }
  assertSameExercise(from.state, to.state, 'toId');
}
