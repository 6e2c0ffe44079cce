import { createHash } from 'node:crypto';
import { invalid } from '#kernel';

/** RFC 4122 name-based UUIDs need a namespace: this one is Refonda's (fixed forever: it is in the event ids). */
const NAMESPACE = Buffer.from('5b2f0c1e8e3a4c7d9f10a6b4c2d8e7f1', 'hex');

/** A request id (Idempotency-Key): 1..200 printable ASCII characters. */
export function assertRequestId(value: unknown, field = 'requestId'): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw invalid('ENVELOPE_INVALID_REQUEST_ID', field, '1 to 200 printable ASCII characters without spaces');
  }
  return value;
}

/**
 * The id of the index-th event written for a request: a UUID v5 (SHA-1 of namespace + name), so a retry
 * of the same request appends the same ids and the store's idempotent append recognises it.
 * `scope` (e.g. the stream id) keeps ids distinct when the same key is used on several streams.
 */
export function eventIdFor(requestId: string, index: number, scope = ''): string {
  if (!Number.isSafeInteger(index) || index < 0) throw invalid('ENVELOPE_INVALID_EVENT_INDEX', 'index', 'integer >= 0');
  const bytes = createHash('sha1').update(NAMESPACE).update(`${scope}\u0000${requestId}\u0000${index}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** JSON with sorted object keys, so that equal commands give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/**
 * What a request asked, as a short hash: a request id reused with another payload is refused
 * (IDEMPOTENCY_KEY_REUSED) instead of silently answering the first outcome. The context (actor, time) is
 * left out: a retry may come later or through another instance.
 */
export function commandFingerprint(command: object): string {
  const { ctx: _ctx, requestId: _requestId, ...payload } = command as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(payload)).digest('hex').slice(0, 32);
}
