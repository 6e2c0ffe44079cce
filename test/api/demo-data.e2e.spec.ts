import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { loadDemoData } from '../../apps/api/src/demo/demo-data.js';
import { DEMO_PROJECTS } from '../../apps/api/src/demo/demo-scenario.js';
import { type ApiHarness, startApi } from '../support/api-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

it('seeds envelopes and projects in every state through the API, once, and the funding process finances the validated ones', async () => {
  await loadDemoData(api.app, pino({ level: 'silent' }));
  const head = await api.headPosition();
  await loadDemoData(api.app, pino({ level: 'silent' }));
  expect(await api.headPosition()).toBe(head);
  const auditor = await api.token({ role: 'auditor' });
  const deadline = Date.now() + 10000;
  let statuses: string[] = [];
  while (Date.now() < deadline) {
    const list = await api.request('GET', `/projects?pageSize=50&minPosition=${head}`, { token: auditor });
    statuses = list.body.items.map((p: { status: string }) => p.status).sort();
    if (statuses.filter((s) => s === 'financing').length === 2) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(statuses).toHaveLength(DEMO_PROJECTS.length);
  expect(new Set(statuses)).toEqual(
    new Set(['intention', 'drafting', 'submitted', 'under_analysis', 'completion_requested', 'rejected', 'cts_review', 'financing']),
  );
  const year = api.clock.now().getUTCFullYear();
  const ge = await api.request('GET', `/envelopes/fir-ars-44-${year}`, { token: auditor });
  expect(ge.body.ae).toMatchObject({ notifiedCents: 100_000_000, committedCents: 4_500_000 });
});
