import type { Position } from '@eventstore/db-client';

/**
 * Our port wants one global bigint per event, strictly increasing, and contiguous inside one
 * append (an append of n events ending at p holds p-n+1 … p). EventStoreDB gives a {commit, prepare}
 * pair. For appends through gRPC (implicit transactions, the only kind this adapter writes), every
 * event is its own "committed prepare" record, so commit = prepare = the byte offset of that
 * event's record in the transaction log: unique and increasing per event, but not contiguous
 * (offsets differ by the record sizes). We therefore number an event as
 *
 *     position = (commit position of the FIRST event of its append) << 16 | index in the append
 *
 * The first event's commit position is the same for all events of one append and larger than any
 * record of an earlier append, so positions are unique, strictly increasing across appends and
 * contiguous inside one; the index is stored in the event metadata. The start of the append is a
 * record boundary, so a checkpoint decodes to a position the server can read from.
 * Limits: at most 65 536 events per append; log offsets up to 2^47 bytes (128 TiB) fit a signed
 * 64-bit checkpoint column. Events written by legacy explicit (TCP) transactions share one commit
 * position and are not supported in a database used by this store.
 */
export const APPEND_INDEX_BITS = 16n;
export const MAX_EVENTS_PER_APPEND = 1 << Number(APPEND_INDEX_BITS);
const INDEX_MASK = (1n << APPEND_INDEX_BITS) - 1n;
/** Stream reads on servers before 22.6 (and events of explicit transactions) carry no usable $all position. */
const UNSET_LOG_POSITION = (1n << 64n) - 1n;

export function encodePosition(appendStart: bigint, index: number): bigint {
  if (appendStart <= 0n) throw new RangeError(`log position ${appendStart} must be > 0`);
  if (!Number.isInteger(index) || index < 0 || index >= MAX_EVENTS_PER_APPEND) throw new RangeError(`append index ${index} out of range`);
  return (appendStart << APPEND_INDEX_BITS) | BigInt(index);
}

export function decodePosition(position: bigint): { appendStart: bigint; index: number } {
  if (position < 0n) throw new RangeError(`position ${position} must be >= 0`);
  return { appendStart: position >> APPEND_INDEX_BITS, index: Number(position & INDEX_MASK) };
}

/** Where to (re)start reading $all so that the event numbered `position` and all after it are seen. */
export function logStartOf(position: bigint): Position {
  const { appendStart } = decodePosition(position);
  return { commit: appendStart, prepare: appendStart };
}

/** The log offset of an event, or undefined when the server did not say (old server, explicit transaction). */
export function logOffsetOf(position: Position | undefined): bigint | undefined {
  if (!position || position.commit <= 0n || position.commit >= UNSET_LOG_POSITION) return undefined;
  return position.commit;
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}
