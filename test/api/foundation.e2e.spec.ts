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

  it('GET /health is public: up or down and lag for the store, each projection and process; the details for an admin', async () => {
    const res = await api.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.store).toEqual({ status: 'up' });
    expect(res.body.details['projection.projects']).toEqual({ status: 'up', lag: 0 });
    expect(res.body.details['process.funding']).toEqual({ status: 'up', lag: 0 });
    expect(JSON.stringify(res.body)).not.toMatch(/sqlite|checkpoint|replica|position/i);
    expect((await api.request('GET', '/health/ready')).body).toEqual(res.body);
    expect((await api.request('GET', '/health/live')).body.status).toBe('ok');
    const admin = await api.health();
    // One event: the harness's administrator habilitation, recorded in the directory.
    expect(admin.body).toMatchObject({ status: 'ok', replica: 'main', storeKind: 'sqlite', details: { store: { headPosition: '1' } } });
    expect(admin.body.details['process.deadlines'].checkpointFile).toContain(api.dataDir);
    const auditor = await api.token({ role: 'auditor' });
    expect((await api.request('GET', '/health', { token: auditor })).body).toEqual(res.body);
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
    expect(run.stderr).toContain('PORT="eighty" is invalid: an integer from 1 to 65535');
  });
});
