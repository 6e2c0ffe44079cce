import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, type CommandContext, invalid } from '#kernel';
import type { AppendResult, EventMetadata } from '#event-store';

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

/** Metadata stamped on every event of a command: who, role, scope, when, correlation and causation ids. */
export function commandMetadata(request: FastifyRequest, ctx: CommandContext, replicaId: string): EventMetadata {
  const correlation = correlationIdOf(request);
  return {
    actor: ctx.actor.id,
    role: ctx.actor.role,
    scope: ctx.actor.scope,
    occurredAt: ctx.now.toISOString(),
    correlationId: correlation ?? String(request.id ?? randomUUID()),
    causationId: randomUUID(),
    replica: replicaId,
  };
}

export function commandContext(actor: Actor, now: Date): CommandContext {
  return { actor, now };
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

/** A command's answer carries the revision (ETag) and the position it wrote (for minPosition reads). */
export function stampWrite(reply: FastifyReply, revision: bigint, append?: AppendResult): void {
  reply.header('ETag', `"${revision}"`);
  if (append) reply.header('X-Position', append.position.toString());
}
