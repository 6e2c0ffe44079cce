import { afterEach, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RecordedEvent } from '../event-store.port.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const CHILD = resolve(process.cwd(), 'dist/test/support/append-loop.js');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function runChild(path: string, prefix: string, perWorker: number): Promise<number | null> {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, STORE: 'sqlite', EVENT_STORE_PATH: path, STREAM_PREFIX: prefix, APPEND_LIMIT: String(perWorker) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((done) => child.on('exit', (code) => done(code)));
}

it('a subscription in one process sees, in order, the events appended by two other processes', async () => {
  if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run "npm run build" first (npm test does)`);
  const dir = mkdtempSync(join(tmpdir(), 'refonda-mp-'));
  dirs.push(dir);
  const path = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ path });
  const seen: RecordedEvent[] = [];
  const sub = store.subscribeToAll().subscribe((e) => seen.push(e));
  const codes = await Promise.all([runChild(path, 'p1', 50), runChild(path, 'p2', 50)]);
  expect(codes).toEqual([0, 0]);
  const deadline = Date.now() + 10000;
  while (seen.length < 800 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  sub.unsubscribe();
  expect(seen).toHaveLength(800);
  expect(seen.map((e) => Number(e.position))).toEqual(Array.from({ length: 800 }, (_, i) => i + 1));
  expect(new Set(seen.map((e) => e.streamId.slice(0, 2)))).toEqual(new Set(['p1', 'p2']));
  await store.close();
});
