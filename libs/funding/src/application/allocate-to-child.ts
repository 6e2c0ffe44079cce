import { type CommandContext, DomainError } from '#kernel';
import type { EventStore, RecordedEvent } from '#event-store';
import type { Cents } from '../money.js';
import type { AllocatedToChild } from '../envelope.events.js';
import type { EnvelopeState } from '../envelope.state.js';
import { commandFingerprint } from '../request-id.js';
import { type EnvelopeCommandOptions, type EnvelopeCommandResult, handleEnvelopeCommand, loadEnvelope } from './handle-envelope-command.js';

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
 * The ledger's scope of the receiving halves: their request id derives from the sending event, so whoever completes the
 * step (the caller, a retry by someone else, completePendingTransfers) finds the same claim.
 */
export const CROSS_ENVELOPE_SCOPE = 'cross-envelope';

/** The event a request recorded first with the given type, with its store id: what the receiving half derives from. */
export function sentEvent(result: EnvelopeCommandResult, type: 'envelope.allocated_to_child' | 'envelope.transferred', where: string) {
  const i = result.outcome.events.findIndex((e) => e.type === type);
  if (i < 0) throw new Error(`${type} of this request is not in ${where}`);
  return { id: result.outcome.eventIds[i]!, data: result.outcome.events[i]!.data };
}

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
    // A retry of an accepted allocation answers its first outcome, whatever the child became since.
    { ...options, precondition: (parent) => assertChildCanReceive(store, input.parentId, input.childId, parent) },
  );
  const sent = sentEvent(source, 'envelope.allocated_to_child', input.parentId);
  const target = await receiveAllocation(store, input.parentId, sent, input.ctx, options);
  return { source, target };
}

/** Step 2 alone, from the parent's recorded event (the amounts and the child come from the event, not the caller). */
export async function receiveAllocation(
  store: EventStore,
  parentId: string,
  recorded: Pick<RecordedEvent, 'id' | 'data'>,
  ctx: CommandContext,
  options: EnvelopeCommandOptions = {},
): Promise<EnvelopeCommandResult> {
  const data = recorded.data as AllocatedToChild['data'];
  const command = {
    type: 'ReceiveAllocation' as const,
    requestId: allocationRequestId(recorded.id),
    ctx,
    parentId,
    parentEventId: recorded.id,
    aeCents: data.aeCents,
    cpCents: data.cpCents,
  };
  const { precondition: _first, ...rest } = options;
  return handleEnvelopeCommand(store, data.childId, command, {
    ...rest,
    scope: CROSS_ENVELOPE_SCOPE,
    fingerprint: commandFingerprint(command),
    claim: 'before-writing',
    causationId: recorded.id,
    correlationId: data.requestId,
  });
}

async function assertChildCanReceive(store: EventStore, parentId: string, childId: string, parent: EnvelopeState): Promise<void> {
  const { state } = await loadEnvelope(store, childId);
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
  assertSameExercise(parent, state, 'childId');
}

/**
 * Both halves of an allocation or a transfer are booked in their envelope's open exercise: they must be the same one, or
 * the credits of one exercise would land on another (a multi-year child still in 2023 receiving its parent's 2024 share).
 */
export function assertSameExercise(source: EnvelopeState, target: EnvelopeState, field: string): void {
  if (source.status !== 'open' || target.status !== 'open' || source.currentYear === target.currentYear) return;
  throw new DomainError(
    'conflict',
    'ENVELOPE_EXERCISE_MISMATCH',
    `${source.envelopeId} est sur l’exercice ${source.currentYear}, ${target.envelopeId} sur ${target.currentYear} : ` +
      'clôturez d’abord l’exercice de celle qui est en retard.',
    { envelopeId: target.envelopeId, year: source.currentYear, targetYear: target.currentYear, field, rule: 'same-open-exercise' },
  );
}
