import type { Socket } from 'node:net';
import { type Server, STATUS_CODES } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { LimitsConfig } from '../../config/limits.config.js';
import { PROBLEM_CONTENT_TYPE, problemOf } from '../../errors/problem-details.js';
import { BODY_LIMIT_BYTES } from '../http-input.js';
import { reportRefusal } from './refusals.js';
import { RAW_ANSWER_SECURITY_HEADERS } from './security-headers.js';

const RAW_HEADERS = Object.entries(RAW_ANSWER_SECURITY_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/** An error Node's HTTP parser raised before Fastify saw a request: a timeout, headers too large, bad framing. */
function statusOfClientError(error: NodeJS.ErrnoException): number {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (error.code === 'HPE_HEADER_OVERFLOW') return 431;
  return 400;
}

/**
 * As Node's own answer (written unless a response has begun, then the socket closed), but problem details with the
 * security headers.
 */
function answerClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = statusOfClientError(error);
  if (status === 408) reportRefusal(this, 'request-timeout');
  if (socket.writable && socket.bytesWritten === 0) {
    const body = JSON.stringify(problemOf({ statusCode: status }));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n${RAW_HEADERS}` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * The FastifyAdapter's options. Node's requestTimeout bounds receiving a request (headers and body), never the
 * response: a Server-Sent Events stream outlives it, a body dripped one byte at a time does not. Node checks the two
 * timeouts every connectionsCheckingInterval (30 s by default): checked more often so that they hold to within a second.
 */
export function fastifyOptions(limits: LimitsConfig) {
  return {
    bodyLimit: BODY_LIMIT_BYTES,
    // closing.ts answers instead, with problem details and the security headers.
    return503OnClosing: false,
    trustProxy: limits.trustProxy,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionTimeout: limits.connectionIdleTimeoutMs,
    http: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    clientErrorHandler: answerClientError,
  };
}

/** The connection cap: connections past it are closed at once by Node (the 'drop' event), before any byte is read. */
export function capConnections(fastify: FastifyInstance, limits: LimitsConfig): void {
  const server = fastify.server as Server;
  server.maxConnections = limits.maxConnections;
  server.on('drop', () => reportRefusal(fastify, 'connection-cap'));
}
