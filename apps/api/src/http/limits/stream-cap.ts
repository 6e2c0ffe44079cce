import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from '../../errors/problem-details.js';
import { reportRefusal } from './refusals.js';

/** The route config (Nest's @RouteConfig) of a route that holds its connection open: a Server-Sent Events stream. */
export const HOLDS_CONNECTION = { holdsConnection: true } as const;

const holdsConnection = (request: FastifyRequest) =>
  (request.routeOptions.config as { holdsConnection?: unknown }).holdsConnection === true;

/** A slot frees only when one of the caller's own streams closes: no time to promise, so a pause. */
const RETRY_AFTER_SECONDS = 30;

export type StreamCap = (request: FastifyRequest, reply: FastifyReply, caller: { key: string; authenticated: boolean }) => unknown;

/**
 * Streams open at once per caller (the rate limits' key). A stream counts once toward its rate limit, then holds its
 * connection (the heartbeat keeps it alive): without this cap one caller could hold every connection (MAX_CONNECTIONS).
 * The slot is taken in onRequest, before the stream starts, and given back when its connection closes.
 */
export function streamCap(fastify: FastifyInstance, max: number): StreamCap {
  const open = new Map<string, number>();
  const release = (key: string) => {
    const left = open.get(key)! - 1;
    if (left === 0) open.delete(key);
    else open.set(key, left);
  };
  return (request, reply, { key, authenticated }) => {
    if (!holdsConnection(request)) return;
    const count = open.get(key) ?? 0;
    if (count < max) {
      open.set(key, count + 1);
      reply.raw.once('close', () => release(key));
      return;
    }
    reportRefusal(fastify, 'stream-cap');
    const who = authenticated ? 'avec ce jeton' : 'depuis cette adresse';
    const retry = `Fermez-en un ou réessayez dans ${RETRY_AFTER_SECONDS} s.`;
    const detail = `Trop de flux en direct : au plus ${max} ouverts à la fois ${who}. ${retry}`;
    return reply
      .code(429)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(problem(429, 'TOO_MANY_STREAMS', detail, undefined, { limit: 'streams', max, retryAfterSeconds: RETRY_AFTER_SECONDS }));
  };
}
