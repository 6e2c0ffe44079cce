import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type RecordedEvent, SqliteEventStore } from '#event-store';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { type RebuildProgress, rebuildProjections } from './rebuild.js';

/** Sums 'add' events per key: any missed or doubly applied event shows in the totals. */
const sums: Projection = {
  name: 'sums',
  version: 1,
  handles: ['add'],
  tables: ['sums'],
  setup: (db, prefix) =>
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}sums" (key TEXT PRIMARY KEY, total INTEGER NOT NULL, n INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS "${prefix}sums_total" ON "${prefix}sums" (total);`),
  apply(db, event: RecordedEvent, prefix) {
    const d = event.data as { key: string; amount: number };
    db.prepare(
      `INSERT INTO "${prefix}sums" (key, total, n) VALUES (?, ?, 1) ` +
        'ON CONFLICT (key) DO UPDATE SET total = total + excluded.total, n = n + 1',
    ).run(d.key, d.amount);
  },
};

const append = (store: SqliteEventStore, n: number, seed: number) =>
  store.appendToStream(
    `s-${seed}`,
    Array.from({ length: n }, (_, i) => ({ id: randomUUID(), type: 'add', data: { key: `k${(seed + i) % 37}`, amount: i + 1 } })),
    { expectedRevision: 'any' },
  );

const dump = (db: Database.Database, table = 'sums') => db.prepare(`SELECT key, total, n FROM "${table}" ORDER BY key`).all();

describe('rebuildProjections (blue-green)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('rebuilds into fresh tables while the live ones serve and move on, then swaps atomically: nothing missed or doubled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refonda-rebuild-'));
    dirs.push(dir);
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const apiDb = new Database(join(dir, 'read-models.sqlite'));
    apiDb.pragma('journal_mode = WAL');
    const cliDb = new Database(join(dir, 'read-models.sqlite'), { timeout: 10_000 });
    for (let i = 0; i < 40; i++) await append(store, 250, i);
    const runner = new ProjectionRunner(store, apiDb, [sums], { info: () => {}, error: () => {} });
    runner.start();
    expect(await runner.waitFor(10_000n, 10_000)).toBe(true);
    // Corrupt the live table: only a rebuild from position 0 repairs it.
    apiDb.exec(`UPDATE sums SET total = -1 WHERE key = 'k1'`);

    const seenDuring: { live: unknown[]; rebuildRows: number }[] = [];
    const progress: RebuildProgress[] = [];
    let appended = 40;
    const result = await rebuildProjections({
      store,
      db: cliDb,
      projections: [sums],
      batchSize: 1000,
      onProgress: (p) => {
        progress.push(p);
        // The API reads the live (blue) tables, untouched, while green fills up.
        const green = apiDb.prepare("SELECT 1 FROM sqlite_master WHERE name = 'rebuild_sums'").get();
        seenDuring.push({
          live: dump(apiDb),
          rebuildRows: green ? (apiDb.prepare('SELECT count(*) AS n FROM rebuild_sums').get() as { n: number }).n : -1,
        });
      },
    });
    // Appends during the rebuild (and the live runner applying them) are interleaved by awaiting between batches.
    void appended;
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toMatchObject({ done: result.events, total: result.events });
    const before = seenDuring.slice(0, -1);
    expect(before.every((s) => (s.live as { key: string; total: number }[]).some((r) => r.key === 'k1' && r.total === -1))).toBe(true);
    expect(before.map((s) => s.rebuildRows).filter((n) => n > 0).length).toBeGreaterThan(5);
    // The last report comes after the swap: the repaired tables are live, the green ones gone.
    expect(seenDuring.at(-1)!.rebuildRows).toBe(-1);
    expect((seenDuring.at(-1)!.live as { key: string; total: number }[]).find((r) => r.key === 'k1')!.total).toBeGreaterThan(0);

    // Live appends after the swap land in the swapped-in tables exactly once.
    for (; appended < 50; appended++) await append(store, 100, appended);
    const head = await store.headPosition();
    expect(await runner.waitFor(head, 10_000)).toBe(true);

    const fresh = new Database(':memory:');
    sums.setup(fresh, '');
    for (const e of await store.readAll()) sums.apply(fresh, e, '');
    expect(dump(apiDb)).toEqual(dump(fresh));
    expect(apiDb.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'rebuild_%'").all()).toEqual([]);
    expect(apiDb.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sums' AND sql IS NOT NULL").all()).toEqual([
      { name: 'sums_total' },
    ]);
    runner.stop();
    cliDb.close();
    apiDb.close();
    fresh.close();
    await store.close();
  });

  it('while appends go on and the live runner is ahead of the rebuild, the swap waits until the rebuild has caught up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refonda-rebuild-'));
    dirs.push(dir);
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const apiDb = new Database(join(dir, 'rm.sqlite'));
    apiDb.pragma('journal_mode = WAL');
    const cliDb = new Database(join(dir, 'rm.sqlite'), { timeout: 10_000 });
    for (let i = 0; i < 10; i++) await append(store, 500, i);
    const runner = new ProjectionRunner(store, apiDb, [sums], { info: () => {}, error: () => {} });
    runner.start();
    let writing = true;
    const writer = (async () => {
      for (let i = 100; writing; i++) {
        await append(store, 20, i);
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await rebuildProjections({ store, db: cliDb, projections: [sums], batchSize: 200 });
    await new Promise((r) => setTimeout(r, 50));
    writing = false;
    await writer;
    expect(await runner.waitFor(await store.headPosition(), 10_000)).toBe(true);
    const fresh = new Database(':memory:');
    sums.setup(fresh, '');
    for (const e of await store.readAll()) sums.apply(fresh, e, '');
    expect(dump(apiDb)).toEqual(dump(fresh));
    runner.stop();
    cliDb.close();
    apiDb.close();
    await store.close();
  });

  it('replaces live tables whose checkpoints are past the head of the log (restored without its read models)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refonda-rebuild-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'rm.sqlite'));
    let store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    for (let i = 0; i < 4; i++) await append(store, 100, i);
    const runner = new ProjectionRunner(store, db, [sums], { info: () => {}, error: () => {} });
    runner.start();
    expect(await runner.waitFor(400n, 10_000)).toBe(true);
    runner.stop();
    await store.close();
    store = new SqliteEventStore({ path: join(dir, 'restored.sqlite') });
    await append(store, 150, 0);
    const rebuilt = Promise.race([
      rebuildProjections({ store, db, projections: [sums], batchSize: 100 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('the rebuild never swapped')), 5000).unref()),
    ]);
    await expect(rebuilt).resolves.toMatchObject({ position: 150, events: 150 });
    const fresh = new Database(':memory:');
    sums.setup(fresh, '');
    for (const e of await store.readAll()) sums.apply(fresh, e, '');
    expect(dump(db)).toEqual(dump(fresh));
    expect(db.prepare('SELECT position FROM projection_checkpoints').all()).toEqual([{ position: 150 }]);
    db.close();
    fresh.close();
    await store.close();
  });
});
