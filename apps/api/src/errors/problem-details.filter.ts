import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem-details.js';

/** Every error of every route leaves as RFC 9457 problem details (application/problem+json). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = problemOf(error);
    if (body.status >= 500 && body.status !== 503)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (body.status === 503) reply.header('Retry-After', '1');
    reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }
}
