import type { CommandContext } from '#kernel';
import {
  type EventMetadata,
  type EventStore,
  type FoldedStream,
  type RecordedEvent,
  RequestLedger,
  type SnapshotPolicy,
  foldRecorded,
  handleRequest,
  previousRequest,
  requestEventId,
  streamStatesOf,
} from '#event-store';
import type { EnvelopeCommand } from '../envelope.commands.js';
import { envelopeDecider } from '../envelope.decider.js';
import type { EnvelopeEvent } from '../envelope.events.js';
import { envelopeStreamId } from '../envelope.id.js';
import { ENVELOPE_STATE_SCHEMA, decodeEnvelopeState, encodeEnvelopeState } from '../envelope.snapshot.js';
import type { Commitment, EnvelopeState } from '../envelope.state.js';
import { assertRequestId, commandFingerprint } from '../request-id.js';

/** Bounded optimistic-concurrency retries: enough for a few hundred validators racing on one envelope. */
export const DEFAULT_ENVELOPE_RETRIES = 250;

/** Envelope states between reads: in memory, snapshots every 500 events; the requests envelopes recorded before the ledger. */
export const envelopeSnapshots: SnapshotPolicy<EnvelopeState> = {
  schema: ENVELOPE_STATE_SCHEMA,
  encode: encodeEnvelopeState,
  decode: decodeEnvelopeState,
  every: 500,
  requestIdOf: (e) => {
    const requestId = (e.data as { requestId?: unknown } | null)?.requestId;
    return typeof requestId === 'string' ? requestId : undefined;
  },
};

export interface EnvelopeCommandResult {
  /** The events this request produced, their ids and the position of the last: on a retry, the first outcome's. */
  outcome: { events: EnvelopeEvent[]; eventIds: string[]; position: bigint | null };
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
  /** Whose key the request id is, in the idempotency ledger: the actor's by default. */
  scope?: string;
  /** What the request asks, as a digest: the metadata's fingerprint (the shell's), else the command's. */
  fingerprint?: string;
  /** Checks run only when the command is decided, not when a retry is answered with its first outcome. */
  precondition?: (state: EnvelopeState) => Promise<void>;
  /** When the key is claimed (RequestIdentity.claim): by default once there is something to write. */
  claim?: 'before-deciding' | 'before-writing';
}

/**
 * handleRequest with what envelopes need: the folded state and snapshots of envelopes, the idempotency ledger under the
 * actor's key (event ids derived from it: a retry is answered with its first outcome, the key reused with another
 * command is refused; claimed once there is something to write, so a refused command writes nothing), bounded retries
 * on concurrent writes.
 */
export async function handleEnvelopeCommand(
  store: EventStore,
  envelopeId: string,
  command: EnvelopeCommand,
  options: EnvelopeCommandOptions = {},
): Promise<EnvelopeCommandResult> {
  const streamId = envelopeStreamId(envelopeId);
  const key = assertRequestId(command.requestId);
  const metadata = options.metadata
    ? {
        ...options.metadata,
        requestId: key,
        ...(options.causationId === undefined ? {} : { causationId: options.causationId }),
        ...(options.correlationId === undefined ? {} : { correlationId: options.correlationId }),
      }
    : envelopeMetadata(command.ctx, key, options.causationId, options.correlationId);
  const fingerprint = options.fingerprint ?? (options.metadata?.['fingerprint'] as string | undefined) ?? commandFingerprint(command);
  const result = await handleRequest({
    store,
    streamId,
    decider: envelopeDecider,
    command,
    metadata,
    snapshots: envelopeSnapshots,
    request: {
      scope: options.scope ?? command.ctx.actor.id,
      key,
      fingerprint,
      command: `envelope.${command.type}`,
      claim: options.claim ?? 'before-writing',
    },
    retries: options.retries ?? DEFAULT_ENVELOPE_RETRIES,
    ...(options.precondition ? { precondition: options.precondition } : {}),
  });
  return {
    outcome: { events: result.events as EnvelopeEvent[], eventIds: result.eventIds ?? [], position: result.append?.position ?? null },
    replayed: result.replayed === true,
    state: result.state,
    revision: result.revision,
  };
}

/** The envelope's current state at the cost of the events since it was last read (folded states, snapshots). */
export function loadEnvelope(store: EventStore, envelopeId: string): Promise<FoldedStream<EnvelopeState>> {
  return streamStatesOf(store).load(envelopeStreamId(envelopeId), envelopeDecider, envelopeSnapshots);
}

/** Whether the envelope accepted the request `requestId` of `scope` (a principal), from the idempotency ledger. */
export async function requestAccepted(store: EventStore, envelopeId: string, scope: string, requestId: string): Promise<boolean> {
  const streamId = envelopeStreamId(envelopeId);
  const folded = await loadEnvelope(store, envelopeId);
  const eventId = (i: number) => requestEventId(scope, requestId, streamId, i);
  const found = await previousRequest(store, new RequestLedger(store), folded, { scope, key: requestId }, eventId);
  return found.events !== undefined;
}

/** The whole stream and its fold: for what needs every event (completing pending transfers, audits). */
export async function readEnvelope(store: EventStore, envelopeId: string): Promise<{ state: EnvelopeState; history: RecordedEvent[] }> {
  const history = await store.readStream(envelopeStreamId(envelopeId));
  return { state: foldRecorded(envelopeDecider, history), history };
}

/** The commitment (EJ) an award act formalises on its envelope, its reference being the act's id (undefined: none yet). */
export async function commitmentOfAct(store: EventStore, act: { envelopeId: string; actId: string }): Promise<Commitment | undefined> {
  const { state } = await loadEnvelope(store, act.envelopeId);
  return state.status === 'none' ? undefined : state.commitments.get(act.actId);
}
