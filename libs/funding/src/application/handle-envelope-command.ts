import type { CommandContext } from '#kernel';
import { type EventMetadata, type EventStore, type RecordedEvent, foldRecorded, handleCommand } from '#event-store';
import type { EnvelopeCommand } from '../envelope.commands.js';
import { envelopeDecider } from '../envelope.decider.js';
import type { EnvelopeEvent } from '../envelope.events.js';
import { envelopeStreamId } from '../envelope.id.js';
import { type EnvelopeState, type ProcessedRequest, outcomeOf } from '../envelope.state.js';
import { eventIdFor } from '../request-id.js';

/** Bounded optimistic-concurrency retries: enough for a few hundred validators racing on one envelope. */
export const DEFAULT_ENVELOPE_RETRIES = 250;

export interface EnvelopeCommandResult {
  /** The events this request produced: on a retry of an accepted request, the first outcome's events. */
  outcome: ProcessedRequest;
  /** true when the request had already been accepted: nothing was written this time. */
  replayed: boolean;
  state: EnvelopeState;
  revision: bigint;
}

/** Metadata stamped on envelope events: who, in which role and scope, when, and the request chain. */
export function envelopeMetadata(ctx: CommandContext, requestId: string, causationId?: string, correlationId?: string): EventMetadata {
  return {
    actorId: ctx.actor.id,
    role: ctx.actor.role,
    scope: ctx.actor.scope,
    occurredAt: ctx.now.toISOString(),
    requestId,
    correlationId: correlationId ?? requestId,
    causationId: causationId ?? requestId,
  };
}

export interface EnvelopeCommandOptions {
  retries?: number;
  causationId?: string;
  correlationId?: string;
  /** The caller's metadata shape (the API's command shell); the causation and correlation above override its own. */
  metadata?: EventMetadata;
}

/**
 * handleCommand with what envelopes need: event ids derived from the request id (scoped by stream, so the
 * store's idempotent append backs a retry that raced with itself), and bounded retries on concurrent writes.
 */
export async function handleEnvelopeCommand(
  store: EventStore,
  envelopeId: string,
  command: EnvelopeCommand,
  options: EnvelopeCommandOptions = {},
): Promise<EnvelopeCommandResult> {
  const streamId = envelopeStreamId(envelopeId);
  const result = await handleCommand({
    store,
    streamId,
    decider: envelopeDecider,
    command,
    metadata: options.metadata
      ? {
          ...options.metadata,
          requestId: command.requestId,
          ...(options.causationId === undefined ? {} : { causationId: options.causationId }),
          ...(options.correlationId === undefined ? {} : { correlationId: options.correlationId }),
        }
      : envelopeMetadata(command.ctx, command.requestId, options.causationId, options.correlationId),
    eventId: (index) => eventIdFor(command.requestId, index, streamId),
    retries: options.retries ?? DEFAULT_ENVELOPE_RETRIES,
  });
  const state = result.state;
  const outcome = outcomeOf(state, command.requestId);
  if (!outcome) throw new Error(`request ${command.requestId} left no outcome on ${streamId}`);
  return { outcome, replayed: result.events.length === 0, state, revision: result.revision };
}

export async function readEnvelope(store: EventStore, envelopeId: string): Promise<{ state: EnvelopeState; history: RecordedEvent[] }> {
  const history = await store.readStream(envelopeStreamId(envelopeId));
  return { state: foldRecorded(envelopeDecider, history), history };
}

/** The recorded event (with its store id) a request wrote first with the given type. */
export function recordedFor(history: readonly RecordedEvent[], requestId: string, type: EnvelopeEvent['type']): RecordedEvent | undefined {
  return history.find((e) => e.type === type && (e.data as { requestId?: string }).requestId === requestId);
}
