import type { EventStore, RecordedEvent } from '../event-store.port.js';
import type { FoldedStream } from '../snapshots/stream-states.js';
import { type RequestLedger, keyReused } from './request-ledger.js';

/** A request as the ledger knows it: whose key (a principal, or a fixed scope for keys derived from events), and what it asks. */
export interface RequestIdentity {
  scope: string;
  key: string;
  /** A digest of the command and its inputs: the same key with another one is refused (409 IDEMPOTENCY_KEY_REUSED). */
  fingerprint: string;
  /** The command's name, kept on the claim (and named in a refusal). */
  command: string;
  /**
   * When the key is claimed: before deciding (default: a person's key then names its first command even if that one
   * was refused, and another command under it is refused), or only once there is something to write (the processes'
   * keys, derived from what they react to: a refused command then writes nothing, as before the ledger).
   */
  claim?: 'before-deciding' | 'before-writing';
}

export type Lookup = { events: RecordedEvent[]; recorded: boolean } | { events?: undefined; claimed: boolean; cleanThrough: bigint };

/**
 * The events a request already wrote on the stream, if any; otherwise whether its key is claimed and up to which revision
 * the stream is known to hold none of them. In order: the outcome the ledger recorded (two short reads); the key-only
 * index of old requests; for a claim with no outcome (a crash between the append and the record, a refusal, a run in
 * flight), the events after the claim's revision (or after `cleanThrough`, what this call already looked at).
 */
export async function previousRequest(
  store: EventStore,
  ledger: RequestLedger,
  folded: FoldedStream<unknown>,
  request: Pick<RequestIdentity, 'scope' | 'key'> & { fingerprint?: string; command?: string },
  eventId: (index: number) => string,
  cleanThrough?: bigint,
): Promise<Lookup> {
  const { streamId } = folded;
  const { claim, outcome } = await ledger.read(request.scope, request.key);
  if (claim) {
    const elsewhere = claim.target !== undefined && claim.target !== streamId;
    // Without a fingerprint the caller only asks whether the request was accepted on this stream.
    if (elsewhere && request.fingerprint === undefined) return { claimed: true, cleanThrough: folded.revision };
    if (elsewhere || (request.fingerprint !== undefined && claim.fingerprint !== request.fingerprint)) {
      throw keyReused(request.key, claim.command);
    }
  }
  if (outcome) {
    const events = await store.readStream(streamId, { fromRevision: BigInt(outcome.firstRevision), maxCount: outcome.eventIds.length });
    if (events.length !== outcome.eventIds.length || events.some((e, i) => e.id !== outcome.eventIds[i])) {
      throw new Error(`the idempotency ledger places ${request.key} at ${streamId}@${outcome.firstRevision}, which holds other events`);
    }
    return { events, recorded: true };
  }
  const old = folded.keyOnly[request.key];
  if (old) {
    const events = await store.readStream(streamId, { fromRevision: BigInt(old[0]), maxCount: old[1] - old[0] + 1 });
    const stored = events[0]?.metadata['fingerprint'];
    // Events written before fingerprints were stored cannot tell: they are answered as retries, as they were then.
    if (request.fingerprint !== undefined && stored !== undefined && stored !== request.fingerprint)
      throw keyReused(request.key, events[0]?.metadata['command'] as string);
    return { events, recorded: true };
  }
  if (!claim) return { claimed: false, cleanThrough: folded.revision };
  const from = [cleanThrough, claim.after === undefined ? undefined : BigInt(claim.after)].reduce<bigint>(
    (max, r) => (r !== undefined && r > max ? r : max),
    -1n,
  );
  if (from < folded.revision) {
    const tail = (await store.readStream(streamId, { fromRevision: from + 1n })).filter((e) => e.revision <= folded.revision);
    const start = tail.findIndex((e) => e.id === eventId(0));
    if (start >= 0) {
      let end = start;
      while (end + 1 < tail.length && tail[end + 1]!.id === eventId(end + 1 - start)) end++;
      return { events: tail.slice(start, end + 1), recorded: false };
    }
  }
  return { claimed: true, cleanThrough: folded.revision };
}
