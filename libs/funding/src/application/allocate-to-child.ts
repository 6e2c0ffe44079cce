import { type CommandContext, DomainError } from '#kernel';
import type { EventStore, RecordedEvent } from '#event-store';
import type { Cents } from '../money.js';
import type { AllocatedToChild } from '../envelope.events.js';
import {
  type EnvelopeCommandOptions,
  type EnvelopeCommandResult,
  handleEnvelopeCommand,
  readEnvelope,
  recordedFor,
} from './handle-envelope-command.js';

export interface AllocateToChildInput {
  parentId: string;
  childId: string;
  requestId: string;
  aeCents: Cents;
  cpCents: Cents;
  reason?: string;
  ctx: CommandContext;
}

export interface CrossEnvelopeResult {
  source: EnvelopeCommandResult;
  target: EnvelopeCommandResult;
}

/** The child's request id: derived from the parent's event id, so completing the step twice writes once. */
export const allocationRequestId = (parentEventId: string) => `allocation:${parentEventId}`;

/**
 * Sub-allocation, two streams, no distributed transaction:
 *   1. the parent records envelope.allocated_to_child (consuming its free AE/CP; refused if short);
 *   2. the child records envelope.allocation_received, with a request id derived from the parent's event id.
 * A crash between 1 and 2 is completed by running the same call again (step 1 answers its first outcome,
 * step 2 runs), or by completePendingTransfers(parentId). The child is checked before step 1 so that an
 * allocation to a missing, closed or foreign envelope is refused before the parent consumes anything.
 */
export async function allocateToChild(
  store: EventStore,
  input: AllocateToChildInput,
  options: EnvelopeCommandOptions = {},
): Promise<CrossEnvelopeResult> {
  const parent = await readEnvelope(store, input.parentId);
  if (!parent.state.requests[input.requestId]) await assertChildCanReceive(store, input.parentId, input.childId);
  const source = await handleEnvelopeCommand(
    store,
    input.parentId,
    {
      type: 'AllocateToChild',
      requestId: input.requestId,
      ctx: input.ctx,
      childId: input.childId,
      aeCents: input.aeCents,
      cpCents: input.cpCents,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
    },
    options,
  );
  const { history } = await readEnvelope(store, input.parentId);
  const recorded = recordedFor(history, input.requestId, 'envelope.allocated_to_child');
  if (!recorded) throw new Error(`allocation ${input.requestId} is not in ${input.parentId}`);
  const target = await receiveAllocation(store, input.parentId, recorded, input.ctx, options);
  return { source, target };
}

/** Step 2 alone, from the parent's recorded event (the amounts and the child come from the event, not the caller). */
export async function receiveAllocation(
  store: EventStore,
  parentId: string,
  recorded: RecordedEvent,
  ctx: CommandContext,
  options: EnvelopeCommandOptions = {},
): Promise<EnvelopeCommandResult> {
  const data = recorded.data as AllocatedToChild['data'];
  return handleEnvelopeCommand(
    store,
    data.childId,
    {
      type: 'ReceiveAllocation',
      requestId: allocationRequestId(recorded.id),
      ctx,
      parentId,
      parentEventId: recorded.id,
      aeCents: data.aeCents,
      cpCents: data.cpCents,
    },
    { ...options, causationId: recorded.id, correlationId: data.requestId },
  );
}

async function assertChildCanReceive(store: EventStore, parentId: string, childId: string): Promise<void> {
  const { state } = await readEnvelope(store, childId);
  if (state.status === 'none') {
    throw new DomainError('not_found', 'ENVELOPE_NOT_FOUND', `L’enveloppe fille ${childId} n’est pas ouverte.`, { envelopeId: childId });
  }
  if (state.status === 'closed') {
    throw new DomainError('conflict', 'ENVELOPE_CLOSED', `L’enveloppe fille ${childId} est clôturée.`, {
      envelopeId: childId,
      status: state.status,
    });
  }
  if (state.parentId !== parentId) {
    throw new DomainError('conflict', 'ENVELOPE_NOT_A_CHILD', `L’enveloppe ${childId} n’est pas une fille de ${parentId}.`, {
      envelopeId: childId,
      parentId: state.parentId,
      requestedParentId: parentId,
    });
  }
}
