import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type DomainErrorCategory } from '#kernel';
import { EventStoreError, InvalidAppendError, StoreUnavailableError } from '#event-store';

/** The one place where domain and store error codes become HTTP statuses. */
const STATUS: Record<DomainErrorCategory, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, stale: 412 };

@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const [status, body] = this.toResponse(error);
    if (status >= 500) this.logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
    if (status === 503) reply.header('Retry-After', '1');
    reply.status(status).send(body);
  }

  private toResponse(error: unknown): [number, Record<string, unknown>] {
    if (error instanceof DomainError) {
      return [STATUS[error.category], { statusCode: STATUS[error.category], code: error.code, message: error.message, ...error.details }];
    }
    if (error instanceof HttpException) {
      const response = error.getResponse();
      const body = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
      return [error.getStatus(), { statusCode: error.getStatus(), code: body.code ?? codeFor(error.getStatus()), ...body }];
    }
    if (error instanceof InvalidAppendError) return [400, { statusCode: 400, code: error.code, message: error.message }];
    if (error instanceof StoreUnavailableError) return [503, { statusCode: 503, code: error.code, message: 'the event store is unavailable; retry with the same Idempotency-Key' }];
    if (error instanceof EventStoreError) return [409, { statusCode: 409, code: error.code, message: error.message }];
    const fastifyCode = (error as { statusCode?: number; code?: string })?.statusCode;
    if (typeof fastifyCode === 'number' && fastifyCode >= 400 && fastifyCode < 500) {
      return [fastifyCode, { statusCode: fastifyCode, code: (error as { code?: string }).code ?? codeFor(fastifyCode), message: (error as Error).message }];
    }
    return [500, { statusCode: 500, code: 'INTERNAL', message: 'internal error' }];
  }
}

function codeFor(status: number): string {
  return ({ 400: 'INVALID_REQUEST', 401: 'AUTH_REQUIRED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 412: 'STALE', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' } as Record<number, string>)[status] ?? 'ERROR';
}
