import { createHash } from 'node:crypto';
import { invalid } from '#kernel';

/** A request id (Idempotency-Key): 1..200 printable ASCII characters. */
export function assertRequestId(value: unknown, field = 'requestId'): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw invalid('ENVELOPE_INVALID_REQUEST_ID', field, '1 to 200 printable ASCII characters without spaces');
  }
  return value;
}

/** Event ids derived from the request id: the shared kernel helper. */
export { eventIdFor } from '#kernel';

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
