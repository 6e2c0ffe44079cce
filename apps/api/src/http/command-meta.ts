import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor, CommandMeta } from '#kernel';
import { correlationIdOf, idempotencyKeyOf, ifMatchOf } from './command-context.js';

/** What an HTTP request says about the command it sends: who, its Idempotency-Key, its If-Match, its correlation. */
export function commandMetaOf(request: FastifyRequest, principal: Actor): CommandMeta {
  const key = idempotencyKeyOf(request);
  const expectedRevision = ifMatchOf(request);
  return {
    principal,
    correlationId: correlationIdOf(request) ?? String(request.id ?? randomUUID()),
    causationId: `http:${String(request.id ?? randomUUID())}`,
    ...(key === undefined ? {} : { idempotencyKey: key }),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  };
}
