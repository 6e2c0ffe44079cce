import { createHash } from 'node:crypto';
import { invalid } from './domain-error.js';

/** RFC 4122 name-based UUIDs need a namespace: this one is Refonda's (fixed forever: it is in the event ids). */
const NAMESPACE = Buffer.from('5b2f0c1e8e3a4c7d9f10a6b4c2d8e7f1', 'hex');

/**
 * The id of the index-th event written for a request (an Idempotency-Key, a deadline, a triggering
 * event): a UUID v5, so a retry appends the same ids and the store's idempotent append recognises it.
 * `scope` (e.g. the stream id) keeps ids distinct when the same key is used on several streams.
 */
export function eventIdFor(requestId: string, index: number, scope = ''): string {
  if (!Number.isSafeInteger(index) || index < 0) throw invalid('INVALID_EVENT_INDEX', 'index', 'integer >= 0');
  const bytes = createHash('sha1').update(NAMESPACE).update(`${scope}\u0000${requestId}\u0000${index}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
