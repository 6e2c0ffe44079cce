import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { type RecordedEvent, SqliteEventStore } from '#event-store';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

const silent = () => ({
  info: () => {},
  errors: [] as object[],
  error(obj: object) {
    this.errors.push(obj);
  },
});

/** Counts 'tick' events in its table; optionally throws on one position. */
function counter(name: string, failAt?: number): Projection {
  return {
    name,
    version: 1,
    handles: ['tick'],
    tables: [`${name}_rows`],
    setup: (db, prefix) => db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}${name}_rows" (position INTEGER PRIMARY KEY)`),
    apply(db, event: RecordedEvent, prefix) {
      if (Number(event.position) === failAt) throw new Error(`boom at ${event.position}`);
      db.prepare(`INSERT INTO "${prefix}${name}_rows" (position) VALUES (?)`).run(Number(event.position));
    },
  };
}

async function seed(store: SqliteEventStore, n: number, type = 'tick'): Promise<void> {
  for (let i = 0; i < n; i += 500) {
    await store.appendToStream(
      `s-${i}`,
      Array.from({ length: Math.min(500, n - i) }, () => ({ id: randomUUID(), type, data: {} })),
      { expectedRevision: 'any' },
    );
  }
}

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('ProjectionRunner', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  let runner: ProjectionRunner | undefined;
  afterEach(async () => {
    runner?.stop();
    await store.close();
    db.close();
  });
  const open = () => {
    store = new SqliteEventStore({ path: ':memory:' });
    db = new Database(':memory:');
  };
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  const checkpoint = (name: string) =>
    (db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').get(name) as { position: number } | undefined)?.position;

  it('applies a catch-up in batches (one transaction per store burst), not one transaction per event', async () => {
    open();
    await seed(store, 5000);
    runner = new ProjectionRunner(store, db, [counter('a')], silent());
    runner.start();
    expect(await runner.waitFor(5000n, 10_000)).toBe(true);
    const [status] = runner.status();
    expect(status).toMatchObject({ name: 'a', state: 'live', position: '5000', events: 5000 });
    expect(status!.batches).toBeLessThanOrEqual(6);
    expect(count('a_rows')).toBe(5000);
  });

  it('only hands a projection the event types it declares; its checkpoint moves past the others', async () => {
    open();
    await seed(store, 300, 'other');
    await seed(store, 200);
    runner = new ProjectionRunner(store, db, [counter('a')], silent());
    runner.start();
    expect(await runner.waitFor(500n, 5000)).toBe(true);
    expect(count('a_rows')).toBe(200);
    expect(checkpoint('a')).toBe(500);
  });

  it('moves the checkpoint in the same transaction as the tables: a failing batch leaves neither half-written', async () => {
    open();
    await seed(store, 3000);
    const logger = silent();
    runner = new ProjectionRunner(store, db, [counter('bad', 1500), counter('good')], logger);
    runner.start();
    expect(await runner.waitFor(3000n, 10_000)).toBe(true);
    const bad = runner.status().find((s) => s.name === 'bad')!;
    expect(bad.state).toBe('failed');
    expect(bad.error).toContain('boom at 1500');
    // The burst 1001..2000 rolled back whole: rows and checkpoint both stop at 1000.
    expect(count('bad_rows')).toBe(1000);
    expect(checkpoint('bad')).toBe(1000);
    expect(logger.errors).toEqual([expect.objectContaining({ projection: 'bad', err: expect.stringContaining('boom at 1500') })]);
    // The other projection goes on, live.
    await seed(store, 10);
    expect(await runner.waitFor(3010n, 5000)).toBe(true);
    expect(runner.status().find((s) => s.name === 'good')).toMatchObject({ state: 'live', position: '3010' });
    expect(count('good_rows')).toBe(3010);
  });

  it('resumes from its checkpoint after a restart without re-applying', async () => {
    open();
    await seed(store, 1200);
    runner = new ProjectionRunner(store, db, [counter('a')], silent());
    runner.start();
    expect(await runner.waitFor(1200n, 5000)).toBe(true);
    runner.stop();
    await seed(store, 50);
    runner = new ProjectionRunner(store, db, [counter('a')], silent());
    runner.start();
    await until(() => runner!.status()[0]!.position === '1250');
    expect(count('a_rows')).toBe(1250);
  });

  it('with checkpoints past the head of the log (read models of another log), fails visibly instead of skipping', async () => {
    open();
    await seed(store, 20);
    runner = new ProjectionRunner(store, db, [counter('a'), counter('b')], silent());
    runner.start();
    expect(await runner.waitFor(20n, 5000)).toBe(true);
    runner.stop();
    await store.close();
    store = new SqliteEventStore({ path: ':memory:' }); // the restored log: 5 events
    await seed(store, 5);
    const logger = silent();
    runner = new ProjectionRunner(store, db, [counter('a'), counter('b')], logger);
    runner.start();
    await until(() => runner!.status().every((s) => s.state === 'failed'));
    expect(runner.status()[0]!.error).toContain('its checkpoint (position 20) is past the head of the event log (position 5)');
    expect(logger.errors).toHaveLength(2);
    await seed(store, 10);
    await new Promise((r) => setTimeout(r, 50));
    expect([count('a_rows'), checkpoint('a'), runner.status()[0]!.position]).toEqual([20, 20, '20']);
  });
});
