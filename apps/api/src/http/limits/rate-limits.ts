import rateLimit, { normalizeIP, type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerTokenOf, type JwtService } from '#auth';
import type { RateLimitsConfig } from '../../config/limits.config.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../../errors/problem-details.js';
import { type RefusalKind, reportRefusal } from './refusals.js';
import { streamCap } from './stream-cap.js';

type RateLimitKind = Extract<RefusalKind, 'anonymous' | 'token' | 'write' | 'as-of'>;
type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Keys the rate-limit store remembers per limit: past it, the least recently seen caller starts a fresh window. */
const CALLERS_REMEMBERED = 50_000;

/** The operators' probes are never refused: an orchestrator that reads 429 as "down" would restart a healthy replica. */
export const isUnlimitedPath = (path: string) => path === '/health' || path.startsWith('/health/') || path === '/metrics';

const pathOf = (request: FastifyRequest) => request.url.split('?', 1)[0]!;

function bearerOf(request: FastifyRequest): string | undefined {
  const header = bearerTokenOf(request.headers.authorization);
  if (header) return header;
  // EventSource cannot send headers: the dashboard's stream takes its token in the query (DashboardAccessGuard).
  const inQuery = (request.query as Record<string, unknown>)['access_token'];
  return pathOf(request).startsWith('/dashboard/') && typeof inQuery === 'string' && inQuery !== '' ? inQuery : undefined;
}

/** A valid token's subject, else the client address (from the trusted proxy, if any; an IPv6 /64 counts as one). */
async function callerOf(request: FastifyRequest, jwt: JwtService): Promise<{ key: string; authenticated: boolean }> {
  const token = bearerOf(request);
  if (token) {
    try {
      return { key: `sub:${(await jwt.verify(token)).sub}`, authenticated: true };
    } catch {
      /* an invalid token is anonymous here; the route's guard answers its 401 */
    }
  }
  return { key: `ip:${normalizeIP(request.ip)}`, authenticated: false };
}

const WHAT: Record<RateLimitKind, string> = {
  anonymous: 'requêtes sans jeton depuis cette adresse',
  token: 'requêtes avec ce jeton',
  write: 'écritures',
  'as-of': 'lectures « asOf » sans jeton (chacune rejoue le journal)',
};

function refuse(reply: FastifyReply, kind: RateLimitKind, max: number, windowMs: number, retryAfterSeconds: number) {
  const windowSeconds = Math.round(windowMs / 1000);
  const detail = `Trop de requêtes : plus de ${max} ${WHAT[kind]} en ${windowSeconds} s. Réessayez dans ${retryAfterSeconds} s.`;
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problem(429, 'RATE_LIMITED', detail, undefined, { limit: kind, max, windowSeconds, retryAfterSeconds }));
}

/**
 * Rate limits (@fastify/rate-limit, fixed windows in this process's memory), checked in onRequest: before the body is
 * read, so a refused write costs nothing and writes nothing. Each request counts once (an SSE stream once per
 * connection) toward its caller's limit (anonymous by address, or per token subject); writes also count toward the
 * write limit, anonymous `?asOf=` reads toward the as-of limit. A caller's streams open at once are capped (streamCap).
 */
export async function registerRateLimits(fastify: FastifyInstance, config: RateLimitsConfig, jwt: JwtService): Promise<void> {
  await fastify.register(rateLimit, { global: false });
  const callers = new WeakMap<FastifyRequest, string>();
  const limiter = (max: number): Limiter => {
    // createRateLimit hands `cache` to its store, though its declared options leave it out.
    const options: RateLimitOptions = { max, timeWindow: config.windowMs, keyGenerator: (r) => callers.get(r)!, cache: CALLERS_REMEMBERED };
    return fastify.createRateLimit(options);
  };
  const limits: Record<RateLimitKind, Limiter> = {
    anonymous: limiter(config.anonymousMax),
    token: limiter(config.tokenMax),
    write: limiter(config.writeMax),
    'as-of': limiter(config.asOfAnonymousMax),
  };
  const streams = streamCap(fastify, config.streamsPerCallerMax);
  fastify.addHook('onRequest', async (request, reply) => {
    if (isUnlimitedPath(pathOf(request))) return;
    const caller = await callerOf(request, jwt);
    callers.set(request, caller.key);
    const kinds: RateLimitKind[] = [caller.authenticated ? 'token' : 'anonymous'];
    if (WRITES.has(request.method)) kinds.push('write');
    if (!caller.authenticated && (request.query as Record<string, unknown>)['asOf'] !== undefined) kinds.push('as-of');
    for (const kind of kinds) {
      const outcome = await limits[kind](request);
      if (outcome.isAllowed || !outcome.isExceeded) continue;
      reportRefusal(fastify, kind);
      return refuse(reply, kind, outcome.max, config.windowMs, Math.max(1, outcome.ttlInSeconds));
    }
    return streams(request, reply, caller);
  });
}
