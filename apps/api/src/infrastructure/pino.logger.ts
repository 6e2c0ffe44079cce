import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type DestinationStream, pino, type Logger } from 'pino';

/** Credentials never reach a log line: headers, and the dashboard stream's `access_token` query parameter. */
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'];
const SECRET_PARAMETERS = new Set(['access_token', 'token', 'id_token', 'refresh_token']);
const CORRELATION_ID = /^[\x21-\x7e]{1,200}$/;

/** Structured JSON logs (pino) for Nest, the HTTP requests and our own services. */
export function createLogger(level: string, replicaId: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'refonda-api', replica: replicaId, pid: process.pid }, redact: REDACTED_PATHS };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * The URL as logged: a credential in the query is replaced whatever its spelling (Fastify decodes `access%5Ftoken`
 * into `access_token`, so the check is on the decoded name); a query that does not parse is not logged at all.
 */
export function withoutSecrets(url: string | undefined): string | undefined {
  const at = url?.indexOf('?') ?? -1;
  if (url === undefined || at < 0) return url;
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(url.slice(at + 1));
  } catch {
    return `${url.slice(0, at)}?[unparsed query]`;
  }
  for (const name of new Set(query.keys())) if (SECRET_PARAMETERS.has(name.toLowerCase())) query.set(name, '[Redacted]');
  return `${url.slice(0, at)}?${query.toString().replaceAll('%5BRedacted%5D', '[Redacted]')}`;
}

/**
 * The request id is the caller's X-Correlation-Id when it is a valid one, else a UUID: Fastify's request.id,
 * the request log's reqId and the correlationId of the events the request writes are then the same string.
 */
export function requestIdOf(request: IncomingMessage & { id?: unknown }): string {
  const header = request.headers['x-correlation-id'];
  const given = Array.isArray(header) ? header[0] : header;
  const id = given !== undefined && CORRELATION_ID.test(given) ? given : randomUUID();
  request.id = id;
  return id;
}

/**
 * Expected refusals are not errors: a 4xx is the caller's mistake (info), a 503 (read model behind, store
 * busy) is retried by the caller (warn). Only a 5xx the server did not mean is logged as an error.
 */
export function requestLogLevel(_req: IncomingMessage, res: ServerResponse, error?: Error): 'info' | 'warn' | 'error' {
  if (res.statusCode === 503) return 'warn';
  if (res.statusCode >= 500 || (error && res.statusCode < 400)) return 'error';
  return 'info';
}

/** nestjs-pino: one log line per request, with its correlation id, on the application's pino logger. */
export function requestLogging(logger: Logger) {
  return LoggerModule.forRoot({
    pinoHttp: {
      logger,
      customLogLevel: requestLogLevel,
      customProps: (req: IncomingMessage & { id?: unknown }) => ({ correlationId: req.id }),
      serializers: {
        req: (req: { method: string; url: string; headers: Record<string, unknown>; remoteAddress?: string }) => ({
          method: req.method,
          url: withoutSecrets(req.url),
          userAgent: req.headers['user-agent'],
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    renameContext: 'component',
    // nestjs-pino's default route pattern matches nothing on Nest 12 with Fastify: every path, named.
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
  });
}
