import type { FastifyRequest } from 'fastify';
import { invalid } from '#kernel';

const ID = /^[\x21-\x7e]{1,200}$/;

/** `X-Correlation-Id`, checked; undefined when absent. */
export function correlationIdOf(request: FastifyRequest): string | undefined {
  const correlation = header(request, 'x-correlation-id');
  if (correlation !== undefined && !ID.test(correlation)) {
    throw invalid('VALIDATION_FAILED', 'X-Correlation-Id', 'printable-1-200', {
      detail: 'L’en-tête X-Correlation-Id doit compter de 1 à 200 caractères imprimables.',
    });
  }
  return correlation;
}

export function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** `If-Match: "3"` (or 3) → 3n; absent → undefined; anything else → 400. */
export function ifMatchOf(request: FastifyRequest): bigint | undefined {
  const raw = header(request, 'if-match');
  if (raw === undefined) return undefined;
  const m = /^(?:W\/)?"?(-?\d{1,15})"?$/.exec(raw.trim());
  if (!m)
    throw invalid('VALIDATION_FAILED', 'If-Match', 'revision-etag', {
      detail: 'L’en-tête If-Match doit être une révision (ETag) telle que "3".',
    });
  return BigInt(m[1]!);
}

/** `Idempotency-Key` header, checked; undefined when absent. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !ID.test(key)) {
    throw invalid('VALIDATION_FAILED', 'Idempotency-Key', 'printable-1-200', {
      detail: 'L’en-tête Idempotency-Key doit compter de 1 à 200 caractères imprimables, sans espace.',
    });
  }
  return key;
}
