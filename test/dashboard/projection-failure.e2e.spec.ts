import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../../apps/api/src/infrastructure/tokens.js';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { DashboardFlow } from './dashboard-flow.js';

describe('a failing projection in the running API', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('stops with its error in /health (503) while the other read models go on', async () => {
    const flow = await DashboardFlow.start(api);
    // The holder's first declaration registers their health centre in the directory: the second one writes the intention only.
    const first = await flow.declare('health', 'Avant la panne');
    await api.request('GET', `/dashboard/funnel?minPosition=${first.position}`);
    // Break one read model's table under it: its next batch fails.
    api.app.get<symbol, Database.Database>(READ_MODEL_DB).exec('DROP TABLE funnel_cells');
    // A health intention writes a cell (a second education project of the same school would not: it counts no new school).
    const second = await flow.declare('health', 'Après la panne');
    const read = await api.request('GET', `/projects/${second.id}?minPosition=${second.position}`, { token: flow.holder });
    expect(read.status).toBe(200);
    const anonymous = await api.request('GET', '/health');
    expect(anonymous.status).toBe(503);
    expect(anonymous.body.error).toEqual({
      'projection.funnel': { status: 'down', lag: Number(second.position) - Number(first.position) },
    });
    const health = await api.health();
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('error');
    const funnel = health.body.details['projection.funnel'];
    expect(funnel).toMatchObject({ state: 'failed', position: first.position, error: expect.stringContaining('no such table') });
    const others = Object.entries<{ state: string; position: string }>(health.body.details).filter(([k]) =>
      /^projection\.(?!funnel)/.test(k),
    );
    expect(others.length).toBeGreaterThan(3);
    for (const [name, p] of others) expect([name, p.state, p.position]).toEqual([name, 'live', second.position]);
  });
});
