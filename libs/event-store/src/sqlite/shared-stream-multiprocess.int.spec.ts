import { afterEach, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store.js';
import { storedChain } from './stream-chain.test-support.js';

const CHILD = resolve(process.cwd(), 'dist/test/support/shared-stream-loop.js');
const STREAM = 'envelope-fir-ars-32-2023';
const PROCESSES = 3;
const APPENDS = 150;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function runChild(path: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, EVENT_STORE_PATH: path, STREAM, APPENDS: String(APPENDS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((done) => child.on('exit', (code) => done({ code, out })));
}

it('three processes appending to one stream (each remembering tails) leave contiguous revisions and an intact hash chain', async () => {
  if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run "npm run build" first (npm test does)`);
  const dir = mkdtempSync(join(tmpdir(), 'refonda-shared-'));
  dirs.push(dir);
  const path = join(dir, 'events.sqlite');
  await new SqliteEventStore({ path }).close();

  const results = await Promise.all(Array.from({ length: PROCESSES }, () => runChild(path)));
  expect(results.map((r) => r.code)).toEqual(Array(PROCESSES).fill(0));
  // The processes did race for the same revisions (otherwise no tail was ever stale).
  expect(results.reduce((n, r) => n + Number(r.out.trim()), 0)).toBeGreaterThan(0);

  const chain = storedChain(path, STREAM);
  expect(chain.revisions).toEqual(Array.from({ length: PROCESSES * APPENDS }, (_, i) => i));
  expect(chain.intact).toBe(true);
}, 60_000);
