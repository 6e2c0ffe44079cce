import { eventIdFor } from '#kernel';
import type { RecordedEvent } from '../event-store.port.js';

/**
 * Requests recorded before the idempotency ledger existed (Refonda v1, and the envelopes until the ledger replaced their
 * in-state request map): their event ids were derived from the request id alone, `eventIdFor(requestId, i, streamId)`,
 * and no claim names them. They are indexed as a stream is folded, request id → [first revision, last revision], so that
 * a retry of one is still answered with its first outcome. Nothing is written that way any more, so the index of a stream
 * stops growing once its old events are folded: it is kept with the folded state and its snapshot.
 */
export type KeyOnlyRequests = Readonly<Record<string, readonly [number, number]>>;

/** `index` with `event` if it is one of a key-only request (a copy when `copy`, else `index` itself, changed). */
export function withKeyOnlyRequest(
  index: KeyOnlyRequests,
  event: RecordedEvent,
  requestId: string | undefined,
  copy: boolean,
): KeyOnlyRequests {
  if (requestId === undefined) return index;
  const revision = Number(event.revision);
  const run = index[requestId];
  let next: readonly [number, number] | undefined;
  if (run && run[1] === revision - 1 && event.id === eventIdFor(requestId, revision - run[0], event.streamId)) next = [run[0], revision];
  else if (!run && event.id === eventIdFor(requestId, 0, event.streamId)) next = [revision, revision];
  if (!next) return index;
  const out = (copy ? { ...index } : index) as Record<string, readonly [number, number]>;
  out[requestId] = next;
  return out;
}
