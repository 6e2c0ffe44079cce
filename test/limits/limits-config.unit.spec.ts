import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ConfigError, loadConfig } from '../../apps/api/src/config/app.config.js';
import { loadLimitsConfig } from '../../apps/api/src/config/limits.config.js';

describe('loadLimitsConfig', () => {
  it('has the documented defaults', () => {
    expect(loadLimitsConfig({})).toEqual({
      rateLimits: {
        enabled: true,
        windowMs: 60_000,
        anonymousMax: 15_000,
        tokenMax: 30_000,
        writeMax: 300,
        asOfAnonymousMax: 12,
        streamsPerCallerMax: 100,
      },
      trustProxy: false,
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 72_000,
      connectionIdleTimeoutMs: 120_000,
      maxConnections: 5000,
      funnelAsOfCacheSize: 256,
    });
    expect(loadConfig({ DATA_DIR: '/tmp/x' }).limits).toEqual(loadLimitsConfig({}));
  });

  it('sizes the defaults: 40 wall screens on one address for a busy minute, 1,000 SSE clients, writes far below 3,000', () => {
    const { rateLimits, maxConnections } = loadLimitsConfig({});
    // Per screen (dashboard.js): page + 3 assets + workflows + stream, then one territories read per snapshot (≤ 4/s).
    const perScreenBusyMinute = 6 + 4 * 60;
    expect(40 * perScreenBusyMinute).toBeLessThan(rateLimits.anonymousMax);
    // With a token, a screen also reads the decisions on each snapshot; all screens share the token's subject.
    expect(40 * (6 + 2 * 4 * 60)).toBeLessThan(rateLimits.tokenMax);
    expect(rateLimits.anonymousMax).toBeLessThan(rateLimits.tokenMax);
    // 1,000 SSE clients, each also holding a keep-alive connection for its reads.
    expect(maxConnections).toBeGreaterThan(2 * 1000);
    expect(rateLimits.writeMax).toBeLessThan(3000 / 4);
  });

  it('sizes the stream cap: 40 screens on one address fit, each with a dead stream not yet noticed; one caller holds 2 %', () => {
    const { rateLimits, maxConnections } = loadLimitsConfig({});
    // A screen whose network drops reconnects at once; its old stream lasts until a write to it fails.
    expect(40 * 2).toBeLessThan(rateLimits.streamsPerCallerMax);
    expect(maxConnections / rateLimits.streamsPerCallerMax).toBeGreaterThanOrEqual(50);
    expect(loadLimitsConfig({ SSE_STREAMS_PER_CALLER_MAX: '400' }).rateLimits.streamsPerCallerMax).toBe(400);
    expect(() => loadLimitsConfig({ SSE_STREAMS_PER_CALLER_MAX: '0' })).toThrow('SSE_STREAMS_PER_CALLER_MAX="0" is invalid');
  });

  it('turns rate limits off with RATE_LIMIT=off, and refuses other words', () => {
    expect(loadLimitsConfig({ RATE_LIMIT: 'off' }).rateLimits.enabled).toBe(false);
    expect(loadLimitsConfig({ RATE_LIMIT: 'on' }).rateLimits.enabled).toBe(true);
    expect(() => loadLimitsConfig({ RATE_LIMIT: 'no' })).toThrow(new ConfigError('RATE_LIMIT', 'on or off', 'no'));
  });

  it('reads TRUST_PROXY as Fastify takes it, without hop counts (Fastify 5 ignores them)', () => {
    expect(loadLimitsConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadLimitsConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadLimitsConfig({ TRUST_PROXY: '10.0.0.1, 172.30.241.0/24,::1,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.1',
      '172.30.241.0/24',
      '::1',
      'fd00::/8',
    ]);
    for (const wrong of ['1', 'proxy', '10.0.0.0/33', '10.0.0.1,', '300.1.1.1']) {
      expect(() => loadLimitsConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY=.*a hop count is not accepted/);
    }
  });

  it('names the variable and the rule of a wrong number', () => {
    expect(() => loadLimitsConfig({ RATE_LIMIT_WRITE_MAX: '0' })).toThrow('RATE_LIMIT_WRITE_MAX="0" is invalid: an integer from 1');
    expect(() => loadLimitsConfig({ MAX_CONNECTIONS: 'lots' })).toThrow('MAX_CONNECTIONS="lots" is invalid');
    expect(() => loadLimitsConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '6000' })).toThrow(
      'HEADERS_TIMEOUT_MS="6000" is invalid: at most REQUEST_TIMEOUT_MS (5000)',
    );
    expect(loadLimitsConfig({ REQUEST_TIMEOUT_MS: '5000' }).headersTimeoutMs).toBe(5000);
  });
});

describe('the deploy files set TRUST_PROXY for their proxy', () => {
  it('deploy/cluster: the replicas trust the network nginx reaches them on, and only it', () => {
    const compose = parseDocument(readFileSync('deploy/cluster/docker-compose.yml', 'utf8')).toJS() as {
      networks: Record<string, { ipam?: { config: { subnet: string }[] } }>;
      services: Record<string, { networks?: string[] | Record<string, unknown> }>;
    };
    const env = Object.fromEntries(
      readFileSync('deploy/cluster/api.env', 'utf8')
        .split('\n')
        .filter((l) => l.includes('=') && !l.startsWith('#'))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const web = compose.networks.web!.ipam!.config[0]!.subnet;
    expect(env.TRUST_PROXY).toBe(web);
    expect(loadLimitsConfig(env).trustProxy).toEqual([web]);
    expect(compose.services.proxy!.networks).toEqual(['web']);
  });

  it('docker-compose.yml (development) has no proxy: the API trusts no X-Forwarded-For', () => {
    expect(readFileSync('docker-compose.yml', 'utf8')).not.toContain('TRUST_PROXY');
  });
});
