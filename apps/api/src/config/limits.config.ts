import { isIP } from 'node:net';
import { IsOptional, ValidateBy } from 'class-validator';
import { checkedEnvironment, ConfigError, optionalIntBetween, optionalOneOf, unsetIfEmpty } from './env-rules.js';

/** Fastify's `trustProxy`: whom to believe about the client address (X-Forwarded-For). */
export type TrustProxy = boolean | string[];

export interface RateLimitsConfig {
  /** RATE_LIMIT=off: no rate limit at all (load tests and benchmarks). */
  enabled: boolean;
  windowMs: number;
  /** Requests per window and client address without a valid token (a wall of screens behind one proxy shares it). */
  anonymousMax: number;
  /** Requests per window and token subject. */
  tokenMax: number;
  /** Writes (POST, PUT, PATCH, DELETE) per window and caller (token subject, else address). */
  writeMax: number;
  /** `?asOf=` reads (a replay of the log) per window and client address without a token. */
  asOfAnonymousMax: number;
  /** Server-Sent Events streams open at once per caller (token subject, else address): one caller cannot hold them all. */
  streamsPerCallerMax: number;
}

export interface LimitsConfig {
  rateLimits: RateLimitsConfig;
  trustProxy: TrustProxy;
  /** Receiving a whole request, headers and body (Node's requestTimeout). */
  requestTimeoutMs: number;
  /** Receiving the headers (Node's headersTimeout); at most requestTimeoutMs. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection between two requests. */
  keepAliveTimeoutMs: number;
  /** A connection on which nothing moves either way (0: none); the SSE stream writes a heartbeat every 15 s. */
  connectionIdleTimeoutMs: number;
  /** Open connections at once (each SSE client holds one). */
  maxConnections: number;
  /** `GET /dashboard/funnel?asOf=` answers kept (least recently used first out). */
  funnelAsOfCacheSize: number;
}

const TRUST_PROXY_RULE =
  "false, true or a comma-separated list of the proxies' addresses or CIDR ranges (a hop count is not accepted: Fastify 5 " +
  'ignores it, as it would let a direct client forge X-Forwarded-For)';

/** Addresses or ranges as Fastify (proxy-addr) takes them: 10.0.0.1, 172.16.0.0/12, ::1, fd00::/8. */
function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128);
}

function trustProxyOf(raw: string | undefined): TrustProxy {
  const value = raw?.trim();
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',').map((e) => e.trim());
}

const isTrustProxy = (value: unknown) =>
  typeof value === 'string' && ['true', 'false'].includes(value.trim())
    ? true
    : String(value)
        .split(',')
        .every((e) => isAddressOrRange(e.trim()));

/** The limits' variables and their rules (checked with the rest of the environment at start). */
class LimitsEnvironment {
  @optionalOneOf(['on', 'off', 'true', 'false'], 'on or off') RATE_LIMIT?: string;
  @optionalIntBetween(1000, 3_600_000) RATE_LIMIT_WINDOW_MS?: number;
  @optionalIntBetween(1, 10_000_000) RATE_LIMIT_ANONYMOUS_MAX?: number;
  @optionalIntBetween(1, 10_000_000) RATE_LIMIT_TOKEN_MAX?: number;
  @optionalIntBetween(1, 10_000_000) RATE_LIMIT_WRITE_MAX?: number;
  @optionalIntBetween(1, 10_000_000) RATE_LIMIT_AS_OF_ANONYMOUS_MAX?: number;
  @optionalIntBetween(1, 1_000_000) SSE_STREAMS_PER_CALLER_MAX?: number;
  @ValidateBy({ name: 'trustProxy', validator: { validate: isTrustProxy, defaultMessage: () => TRUST_PROXY_RULE } })
  @unsetIfEmpty()
  @IsOptional()
  TRUST_PROXY?: string;
  @optionalIntBetween(100, 600_000) REQUEST_TIMEOUT_MS?: number;
  @optionalIntBetween(100, 600_000) HEADERS_TIMEOUT_MS?: number;
  @optionalIntBetween(1000, 600_000) KEEP_ALIVE_TIMEOUT_MS?: number;
  @optionalIntBetween(0, 3_600_000) CONNECTION_IDLE_TIMEOUT_MS?: number;
  @optionalIntBetween(1, 1_000_000) MAX_CONNECTIONS?: number;
  @optionalIntBetween(1, 100_000) FUNNEL_AS_OF_CACHE_SIZE?: number;
}

/** The HTTP limits: rate limits, the proxy trusted for client addresses, timeouts, the connection cap. */
export function loadLimitsConfig(raw: NodeJS.ProcessEnv): LimitsConfig {
  const env = checkedEnvironment(LimitsEnvironment, raw);
  const requestTimeoutMs = env.REQUEST_TIMEOUT_MS ?? 30_000;
  const headersTimeoutMs = env.HEADERS_TIMEOUT_MS ?? Math.min(10_000, requestTimeoutMs);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError('HEADERS_TIMEOUT_MS', `at most REQUEST_TIMEOUT_MS (${requestTimeoutMs})`, String(headersTimeoutMs));
  }
  return {
    rateLimits: {
      enabled: env.RATE_LIMIT === undefined || env.RATE_LIMIT === 'on' || env.RATE_LIMIT === 'true',
      windowMs: env.RATE_LIMIT_WINDOW_MS ?? 60_000,
      anonymousMax: env.RATE_LIMIT_ANONYMOUS_MAX ?? 15_000,
      tokenMax: env.RATE_LIMIT_TOKEN_MAX ?? 30_000,
      writeMax: env.RATE_LIMIT_WRITE_MAX ?? 300,
      asOfAnonymousMax: env.RATE_LIMIT_AS_OF_ANONYMOUS_MAX ?? 12,
      streamsPerCallerMax: env.SSE_STREAMS_PER_CALLER_MAX ?? 100,
    },
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT_MS ?? 72_000,
    connectionIdleTimeoutMs: env.CONNECTION_IDLE_TIMEOUT_MS ?? 120_000,
    maxConnections: env.MAX_CONNECTIONS ?? 5000,
    funnelAsOfCacheSize: env.FUNNEL_AS_OF_CACHE_SIZE ?? 256,
  };
}
