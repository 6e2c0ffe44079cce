import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from '../../errors/problem-details.js';

/** A restarting replica is back, or the load balancer has taken it out, within seconds. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Once the app closes (fastify.close(), from app.close() on SIGTERM), a request arriving on a connection still open
 * gets a 503 problem (SHUTTING_DOWN, Retry-After, Connection: close) in onRequest, with the security headers. It
 * replaces Fastify's return503OnClosing, which answers before any hook with a body that is not problem details.
 */
export function refuseWhileClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    const detail = `Le service s’arrête : réessayez dans ${RETRY_AFTER_SECONDS} s.`;
    return reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(problem(503, 'SHUTTING_DOWN', detail, undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS }));
  });
}
