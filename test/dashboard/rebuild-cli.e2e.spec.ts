import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { DashboardFlow } from './dashboard-flow.js';

const CLI = 'dist/apps/cli/src/main.js';

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run cli -- projections rebuild', () => {
  let api: ApiHarness;
  let flow: DashboardFlow;
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
    api = await startApi();
    flow = await DashboardFlow.start(api);
    for (let i = 0; i < 30; i++) await flow.deposit(i % 3 === 0 ? 'health' : 'education', `Projet ${i}`);
  });
  afterAll(async () => {
    await api.close();
  });

  it('rebuilds every read model from position 0 beside the running API, which keeps answering, and swaps them in', async () => {
    const before = (await api.request('GET', '/dashboard/summary')).body;
    let serving = true;
    const statuses: number[] = [];
    const reader = (async () => {
      while (serving) statuses.push((await api.request('GET', '/dashboard/funnel')).status);
    })();
    const run = await runCli(['projections', 'rebuild'], { DATA_DIR: api.dataDir, LOG_LEVEL: 'silent' });
    serving = false;
    await reader;
    expect(run.code).toBe(0);
    // stderr is a pipe here, not a terminal: no progress bar (tested on a terminal in test/cli/rebuild-progress-bar).
    expect(run.stderr).toBe(
      'rebuilding directory, projects, funnel, envelope_balances, workload, decisions, daily_series, delegations ' +
        `into ${api.config.readModelPath}\n`,
    );
    expect(run.stdout).toMatch(new RegExp(`to position ${before.position} .*swapped in`));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await api.request('GET', '/dashboard/summary')).body).toEqual(before);
    // The API's runner goes on in the swapped-in tables: the next command is counted once.
    const next = await flow.declare('health', 'Après la reconstruction');
    const funnel = (await api.request('GET', `/dashboard/funnel?minPosition=${next.position}`)).body.programs;
    expect(funnel.health.intentions).toBe(before.funnel.health.intentions + 1);
    expect((await api.request('GET', '/health')).body.status).toBe('ok');
  });

  it('rebuilds one projection by name, and refuses an unknown one', async () => {
    const one = await runCli(['projections', 'rebuild', 'funnel'], { DATA_DIR: api.dataDir });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('rebuilt funnel:');
    const unknown = await runCli(['projections', 'rebuild', 'nope'], { DATA_DIR: api.dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown projection "nope"');
  });
});
