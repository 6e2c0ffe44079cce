import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import { JwtService, type TokenClaims } from '#auth';
import { grantClaims } from '../../apps/api/src/directory/grant-for-token.js';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/app.config.js';
import { createLogger } from '../../apps/api/src/infrastructure/pino.logger.js';

/** A clock the tests move. */
export class FakeClock {
  constructor(private current = new Date('2023-09-01T08:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface ApiHarness {
  app: NestFastifyApplication;
  url: string;
  config: AppConfig;
  clock: FakeClock;
  dataDir: string;
  /** A token for these claims, whose habilitation is recorded in the directory first (as an administrator would). */
  token(claims: Partial<TokenClaims> & Pick<TokenClaims, 'role'> & { capacity?: string }): Promise<string>;
  /** A token only: nothing recorded in the directory (a token for a person the directory does not know). */
  tokenWithoutGrant(claims: Partial<TokenClaims> & Pick<TokenClaims, 'role'>): Promise<string>;
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** GET /health/ready as an admin: positions, files and errors of the store, each projection and process. */
  health(): Promise<{ status: number; body: any; headers: Headers }>;
  /** The log's head position (from the admin health check). */
  headPosition(): Promise<string>;
  /** Stops the app; `keepData` leaves DATA_DIR for a restart. */
  close(keepData?: boolean): Promise<void>;
}

/** Starts the real application (real SQLite store in a temp dir) on a random local port. */
export async function startApi(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'refonda-api-')),
  clock = new FakeClock(),
): Promise<ApiHarness> {
  const config = loadConfig({ DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, createLogger(config.logLevel, config.replicaId), clock);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const jwt = app.get(JwtService);
  // A year: tests move the app's clock by weeks.
  const commands = app.get(CommandBus);
  await grantClaims(commands, { sub: 'admin-health', role: 'admin', scope: {} }, 'test:harness');
  const adminToken = await jwt.sign({ sub: 'admin-health', role: 'admin', scope: {} }, 365 * 86_400);
  const sign = (c: Partial<TokenClaims> & Pick<TokenClaims, 'role'>) =>
    jwt.sign({ sub: c.sub ?? `${c.role}-test`, role: c.role, scope: c.scope ?? {}, name: c.name }, 365 * 86_400);
  const harness: ApiHarness = {
    app,
    url,
    config,
    clock,
    dataDir,
    // Expiry follows the app clock, which tests move by weeks: a year, so that a test's tokens outlive its scenario.
    async token(c) {
      const claims = {
        sub: c.sub ?? `${c.role}-test`,
        role: c.role,
        scope: c.scope ?? {},
        ...(c.capacity ? { capacity: c.capacity } : {}),
      };
      await grantClaims(commands, claims, 'test:harness');
      return sign(c);
    },
    tokenWithoutGrant: sign,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body, headers: res.headers };
    },
    health: () => harness.request('GET', '/health/ready', { token: adminToken }),
    headPosition: async () => (await harness.health()).body.details.store.headPosition as string,
    async close(keepData = false) {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
