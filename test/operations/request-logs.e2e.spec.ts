import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import { JwtService } from '#auth';
import { grantClaims } from '../../apps/api/src/directory/grant-for-token.js';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { loadConfig } from '../../apps/api/src/config/app.config.js';
import { createLogger } from '../../apps/api/src/infrastructure/pino.logger.js';

interface LogLine {
  level: number;
  msg: string;
  correlationId?: string;
  req?: { url: string };
  res?: { statusCode: number };
}

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
const parsed = (): LogLine[] => lines.map((l) => JSON.parse(l) as LogLine);
let app: NestFastifyApplication;
let url: string;
let token: string;
const dataDir = mkdtempSync(join(tmpdir(), 'refonda-logs-'));

beforeAll(async () => {
  const config = loadConfig({ DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'info', MAX_READ_WAIT_MS: '50' });
  app = await createApp(config, createLogger('info', 'logs', sink));
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const auditor = { sub: 'auditor-logs', role: 'auditor' as const, scope: {} };
  await grantClaims(app.get(CommandBus), auditor, 'test:request-logs');
  token = await app.get(JwtService).sign(auditor);
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('request logs (nestjs-pino)', () => {
  it('log each request with its correlation id, and expected refusals below error level', async () => {
    const refusals: [string, RequestInit, number][] = [
      ['/projects', {}, 401],
      ['/projects', { headers: { authorization: 'Bearer not.a.token' } }, 401],
      ['/nowhere', {}, 404],
      ['/projects', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{' }, 400],
      ['/projects?minPosition=999999', { headers: { authorization: `Bearer ${token}` } }, 503],
    ];
    for (let round = 0; round < 20; round += 1) {
      for (const [path, init, status] of refusals) {
        const headers = { ...(init.headers as Record<string, string>), 'x-correlation-id': `probe-${round}-${status}` };
        expect((await fetch(url + path, { ...init, headers })).status).toBe(status);
      }
    }
    await new Promise((r) => setTimeout(r, 50));
    const requests = parsed().filter((l) => l.res !== undefined);
    expect(requests).toHaveLength(100);
    expect(parsed().filter((l) => l.level >= 50)).toEqual([]);
    expect(requests.filter((l) => l.res!.statusCode === 503).every((l) => l.level === 40)).toBe(true);
    expect(requests.find((l) => l.correlationId === 'probe-7-404')?.req?.url).toBe('/nowhere');
  });

  it('never write a token: neither the Authorization header nor the dashboard stream access_token', async () => {
    await fetch(`${url}/projects`, { headers: { authorization: `Bearer ${token}` } });
    const controller = new AbortController();
    const stream = await fetch(`${url}/dashboard/stream?access_token=${token}`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    controller.abort();
    // A percent-encoded name is the same parameter to Fastify (and accepted by the dashboard guard).
    const encoded = await fetch(`${url}/dashboard/funnel?access%5Ftoken=${token}&ACCESS_TOKEN=${token}`);
    expect(encoded.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    const text = lines.join('\n');
    expect(text).toContain('access_token=[Redacted]');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split('.')[2]!);
  });
});
