import { isIP } from 'node:net';
import { ConfigError } from './app.config.js';

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

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  return Number(raw);
}

function onOff(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return true;
  if (!['on', 'off', 'true', 'false'].includes(raw)) throw new ConfigError(name, 'on or off', raw);
  return raw === 'on' || raw === 'true';
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

function trustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  const entries = raw.split(',').map((e) => e.trim());
  if (!entries.every(isAddressOrRange)) throw new ConfigError('TRUST_PROXY', TRUST_PROXY_RULE, raw);
  return entries;
}

/** The HTTP limits: rate limits, the proxy trusted for client addresses, timeouts, the connection cap. */
export function loadLimitsConfig(env: NodeJS.ProcessEnv): LimitsConfig {
  const requestTimeoutMs = int(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 600_000);
  const headersTimeoutMs = int(env, 'HEADERS_TIMEOUT_MS', Math.min(10_000, requestTimeoutMs), 100, 600_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError('HEADERS_TIMEOUT_MS', `at most REQUEST_TIMEOUT_MS (${requestTimeoutMs})`, String(headersTimeoutMs));
  }
  return {
    rateLimits: {
      enabled: onOff(env, 'RATE_LIMIT'),
      windowMs: int(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000, 3_600_000),
      anonymousMax: int(env, 'RATE_LIMIT_ANONYMOUS_MAX', 15_000, 1, 10_000_000),
      tokenMax: int(env, 'RATE_LIMIT_TOKEN_MAX', 30_000, 1, 10_000_000),
      writeMax: int(env, 'RATE_LIMIT_WRITE_MAX', 300, 1, 10_000_000),
      asOfAnonymousMax: int(env, 'RATE_LIMIT_AS_OF_ANONYMOUS_MAX', 12, 1, 10_000_000),
    },
    trustProxy: trustProxy(env),
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: int(env, 'KEEP_ALIVE_TIMEOUT_MS', 72_000, 1000, 600_000),
    connectionIdleTimeoutMs: int(env, 'CONNECTION_IDLE_TIMEOUT_MS', 120_000, 0, 3_600_000),
    maxConnections: int(env, 'MAX_CONNECTIONS', 5000, 1, 1_000_000),
    funnelAsOfCacheSize: int(env, 'FUNNEL_AS_OF_CACHE_SIZE', 256, 1, 100_000),
  };
}
