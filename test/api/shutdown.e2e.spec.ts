import { afterAll, expect, it, jest } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { educationIntention } from '../support/demo-fixtures.js';
import { freePort } from '../support/free-port.js';

const MAIN = 'dist/apps/api/src/main.js';
const CLI = 'dist/apps/cli/src/main.js';
const dir = mkdtempSync(join(tmpdir(), 'refonda-sigterm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(60000);

it('a token printed by the CLI is accepted; SIGTERM finishes in-flight commands, then closes the store', async () => {
  for (const f of [MAIN, CLI]) if (!existsSync(f)) throw new Error(`${f} is missing: run "npm run build" first (npm test does)`);
  const env = { ...process.env, DATA_DIR: dir, PORT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'info' };
  const token = spawnSync(process.execPath, [CLI, 'token', '--role', 'holder', '--sub', 'holder-sigterm'], { env, encoding: 'utf8' });
  expect(token.status).toBe(0);
  const port = String(await freePort());
  const api = spawn(process.execPath, [MAIN], { env: { ...env, PORT: port }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  api.stdout.on('data', (c: Buffer) => (log += c.toString()));
  api.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((done) => api.on('exit', (code) => done(code)));
  const deadline = Date.now() + 20000;
  while (!log.includes('Refonda API on') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!log.includes('Refonda API on')) throw new Error(`the API did not start:\n${log}`);
  const url = `http://127.0.0.1:${port}/projects`;
  const headers = { authorization: `Bearer ${token.stdout.trim()}`, 'content-type': 'application/json' };
  let killed = false;
  const inFlight = Array.from({ length: 100 }, (_, i) =>
    fetch(url, { method: 'POST', headers, body: JSON.stringify(educationIntention(`Projet ${i}`)), signal: AbortSignal.timeout(15000) })
      .then(async (r) => ({ status: r.status, body: (await r.json().catch(() => ({}))) as { projectId?: string }, afterKill: killed }))
      .catch(() => ({ status: 0, body: {} as { projectId?: string }, afterKill: killed })),
  );
  await Promise.race(inFlight);
  api.kill('SIGTERM');
  killed = true;
  const answers = await Promise.all(inFlight);
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 15000))]);
  if (code !== 0) process.stderr.write(log);
  expect(code).toBe(0);
  expect(log).toContain('event store and read models closed');
  const acknowledged = answers.filter((a) => a.status === 201);
  // Requests being handled when SIGTERM came were finished and acknowledged after it; the others were
  // refused (503 while closing, or a refused connection: 0), never half-handled.
  expect(acknowledged.filter((a) => a.afterKill).length).toBeGreaterThan(0);
  expect(answers.filter((a) => ![201, 503, 0].includes(a.status))).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(0);
  const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  try {
    for (const a of acknowledged) expect(await store.readStream(`project-${a.body.projectId}`)).toHaveLength(1);
  } finally {
    await store.close();
  }
});
