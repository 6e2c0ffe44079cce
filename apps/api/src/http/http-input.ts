import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalid } from '#kernel';
import { PROBLEM_CONTENT_TYPE, problemOf } from '../errors/problem-details.js';
import { parseJsonBody } from './json-body.js';

/** Request bodies are refused above this size, from Content-Length before any byte is read, or as they stream in. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

function replyProblem(error: unknown, _request: FastifyRequest, reply: FastifyReply) {
  const body = problemOf(error);
  if (body.status === 503) reply.header('Retry-After', '1');
  return reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * What HTTP input must satisfy before any route, guard or DTO sees it: JSON bodies within depth and without fractional
 * numbers (json-body.ts), one value per query parameter, and errors raised by Fastify itself as problem details.
 */
export function guardHttpInput(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body === '' ? undefined : parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addHook('onRequest', async (request) => {
    const repeated = Object.entries(request.query as Record<string, unknown>).find(([, v]) => Array.isArray(v));
    if (repeated) {
      throw invalid('QUERY_PARAMETER_REPEATED', repeated[0], 'single-value', {
        detail: `Le paramètre « ${repeated[0]} » est donné plusieurs fois ; une seule valeur est acceptée.`,
      });
    }
  });
  fastify.setErrorHandler(replyProblem);
}
