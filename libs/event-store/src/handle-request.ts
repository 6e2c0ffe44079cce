import { randomUUID } from 'node:crypto';
import { DomainError, eventIdFor } from '#kernel';
import type { ExpectedRevision, RecordedEvent } from './event-store.port.js';
import { IdempotencyConflictError, WrongExpectedRevisionError } from './event-store.errors.js';
import type { HandleCommandOptions, HandleCommandResult } from './handle-command.js';
import { type RequestIdentity, previousRequest } from './idempotency/previous-request.js';
import { RequestLedger } from './idempotency/request-ledger.js';
import { type SnapshotPolicy, streamStatesOf } from './snapshots/stream-states.js';

export interface HandleRequestOptions<C, S> extends Omit<HandleCommandOptions<C, S>, 'eventId' | 'replayByEventIds' | 'fingerprint'> {
  snapshots: SnapshotPolicy<S>;
  /** With a key: event ids derived from the scope and the key, the ledger's claim, a retry answered with its first outcome. */
  request?: RequestIdentity;
  /** Checks run only when the command is decided (not on a retry answered from the ledger), before the key is claimed. */
  precondition?: (state: S) => Promise<void>;
}

/**
 * handleCommand at a cost independent of the stream's length: the state comes from the stream's folded state (memory or
 * snapshot, plus the events after it), and a retry is recognised by the idempotency ledger instead of a scan of the
 * history. One round: load → look the request up → claim its key → decide → append → remember the state and record
 * where the events went. A concurrent write makes it load and look again (the other writer may have been this
 * same request).
 */
export async function handleRequest<C, S>(o: HandleRequestOptions<C, S>): Promise<HandleCommandResult<S>> {
  const states = streamStatesOf(o.store);
  const ledger = new RequestLedger(o.store);
  const r = o.request;
  const eventId = (i: number) => (r ? requestEventId(r.scope, r.key, o.streamId, i) : randomUUID());
  let cleanThrough: bigint | undefined;
  let claimed = false;
  for (let attempt = 0; ; attempt++) {
    const folded = await states.load(o.streamId, o.decider, o.snapshots);
    if (r) {
      const previous = await previousRequest(o.store, ledger, folded, r, eventId, cleanThrough);
      if (previous.events) {
        if (!previous.recorded) await record(ledger, r, o.metadata, previous.events);
        return replayed(previous.events, folded.state, folded.revision);
      }
      cleanThrough = previous.cleanThrough;
      claimed ||= previous.claimed;
    }
    // A retry is answered before If-Match is compared: its first run moved the revision the client saw.
    if (o.ifMatch !== undefined && o.ifMatch !== folded.revision) {
      const message = `${o.streamId} est à la révision ${folded.revision}, pas ${o.ifMatch} : rechargez avant de modifier.`;
      throw new DomainError('stale', 'STALE_REVISION', message, { expected: String(o.ifMatch), actual: String(folded.revision) });
    }
    if (attempt === 0) await o.precondition?.(folded.state);
    const claim = async () => {
      if (!r || claimed) return;
      const data = { command: r.command, target: o.streamId, fingerprint: r.fingerprint, after: folded.revision.toString() };
      await ledger.claim(r.scope, r.key, data, o.metadata);
      claimed = true;
    };
    if (r?.claim !== 'before-writing') await claim();
    const events = o.decider.decide(o.command, folded.state);
    if (events.length === 0) return { events, state: folded.state, revision: folded.revision, eventIds: [] };
    await claim();
    const ids = events.map((_, i) => eventId(i));
    const expectedRevision: ExpectedRevision = folded.revision < 0n ? 'no_stream' : folded.revision;
    try {
      const append = await o.store.appendToStream(
        o.streamId,
        events.map((e, i) => ({ id: ids[i]!, type: e.type, data: e.data, metadata: o.metadata })),
        { expectedRevision },
      );
      let state = folded.state;
      for (const e of events) state = o.decider.evolve(state, e);
      const last = { id: ids.at(-1)!, position: append.position };
      states.remember(o.snapshots, { streamId: o.streamId, state, revision: append.nextRevision, last, keyOnly: folded.keyOnly });
      if (r) {
        const firstRevision = (append.nextRevision - BigInt(ids.length - 1)).toString();
        await record(ledger, r, o.metadata, undefined, { streamId: o.streamId, firstRevision, eventIds: ids });
      }
      return { events, state, append, revision: append.nextRevision, eventIds: ids };
    } catch (error) {
      // The same request running twice at once: the other run appended these ids; the next round answers it as a replay.
      if (r && attempt < 3 && (await raced(o, folded.revision, ids[0]!, error))) continue;
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (o.ifMatch !== undefined) {
        throw new DomainError('stale', 'STALE_REVISION', `${o.streamId} a été modifié entre-temps : rechargez avant de modifier.`, {
          expected: String(o.ifMatch),
        });
      }
      if (attempt >= (o.retries ?? 0)) {
        const message = `${o.streamId} a été modifié en même temps par une autre requête ; réessayez.`;
        throw new DomainError('conflict', 'CONCURRENT_MODIFICATION', message, { attempts: attempt + 1 });
      }
    }
  }
}

async function raced(
  o: { store: HandleCommandOptions<unknown, unknown>['store']; streamId: string },
  after: bigint,
  firstId: string,
  error: unknown,
) {
  if (!(error instanceof IdempotencyConflictError) && !(error instanceof WrongExpectedRevisionError)) return false;
  return (await o.store.readStream(o.streamId, { fromRevision: after + 1n })).some((e) => e.id === firstId);
}

/** The id of the index-th event a request (a scope's key) writes on a stream. */
export const requestEventId = (scope: string, key: string, streamId: string, index: number) =>
  eventIdFor(`${scope}\u0000${key}`, index, streamId);

function replayed<S>(events: readonly RecordedEvent[], state: S, revision: bigint): HandleCommandResult<S> {
  const last = events.at(-1)!;
  return {
    events: events.map((e) => ({ type: e.type, data: e.data })),
    eventIds: events.map((e) => e.id),
    state,
    append: { nextRevision: last.revision, position: last.position },
    revision,
    replayed: true,
  };
}

/**
 * Before answering, so that what a command wrote is all in the log when it answers; a record that fails is not the
 * command's failure (its events are written): a later retry then looks at the stream's events after the claim instead.
 */
async function record(
  ledger: RequestLedger,
  r: RequestIdentity,
  metadata: HandleCommandOptions<unknown, unknown>['metadata'],
  events?: readonly RecordedEvent[],
  outcome = events && { streamId: events[0]!.streamId, firstRevision: events[0]!.revision.toString(), eventIds: events.map((e) => e.id) },
): Promise<void> {
  if (outcome) await ledger.recordOutcome(r.scope, r.key, outcome, metadata).catch(() => {});
}
