import type { FastifyInstance } from 'fastify';
import { invalid } from '#kernel';
import { parseJsonBody } from './json-body.js';

/** Request bodies are refused above this size, from Content-Length before any byte is read, or as they stream in. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * What HTTP input must satisfy before any route, guard or DTO sees it: JSON bodies within depth and without fractional
 * numbers (json-body.ts), one value per query parameter. Errors raised here or by Fastify itself reach Nest's error
 * handler (set at init), hence the ProblemDetailsFilter.
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
}
