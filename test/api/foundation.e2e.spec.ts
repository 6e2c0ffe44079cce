import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type ApiHarness, startApi } from '../support/api-harness.js';

describe('API foundation', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('GET /health is public and reports the store and projections', async () => {
    const res = await api.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', store: { kind: 'sqlite', status: 'up', headPosition: '0' } });
    expect(Array.isArray(res.body.projections)).toBe(true);
  });

  it('serves the OpenAPI JSON and Swagger UI without a token', async () => {
    const json = await api.request('GET', '/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.paths['/health']).toBeDefined();
    expect((await api.request('GET', '/api/docs')).status).toBe(200);
  });

  it('refuses every non-public route without a valid bearer token', async () => {
    const doc = (await api.request('GET', '/api/docs-json')).body;
    const open: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, { security?: unknown }>>(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const concrete = path.replace(/\{[^}]+\}/g, 'x');
        const res = await api.request(method.toUpperCase(), concrete, { body: method === 'get' ? undefined : {} });
        if (res.status !== 401) open.push(`${method.toUpperCase()} ${path} → ${res.status}`);
      }
    }
    const allowedOpen = (line: string) => /^GET \/(health|dashboard)/.test(line) || /^GET \/programs/.test(line);
    expect(open.filter((l) => !allowedOpen(l))).toEqual([]);
    const bad = await api.request('GET', '/health', { headers: { authorization: 'Bearer not.a.token' } });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('AUTH_INVALID');
  });
});

describe('start-up configuration', () => {
  it('stops with a message naming the wrong variable', () => {
    const main = 'dist/apps/api/src/main.js';
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does)`);
    const run = spawnSync(process.execPath, [main], {
      env: { ...process.env, PORT: 'eighty', DATA_DIR: '/tmp/refonda-never' },
      encoding: 'utf8',
      timeout: 15000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('PORT="eighty" is invalid: PORT must be an integer number');
  });
});
