import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Observable } from 'rxjs';
import { type EventStore, type RecordedEvent, SqliteEventStore } from '#event-store';
import { CheckpointedConsumer, type ConsumerState, type EventHandler } from './checkpointed-consumer.js';

/** A consumer database as the processes keep one: a checkpoint row and the rows its handler writes, in one file. */
class TallyState implements ConsumerState<string> {
  readonly db: Database.Database;
  constructor(path: string) {
    this.db = new Database(path);
    this.db.exec('CREATE TABLE IF NOT EXISTS checkpoint (position INTEGER); CREATE TABLE IF NOT EXISTS seen (type TEXT)');
  }
  checkpoint(): bigint {
    return BigInt((this.db.prepare('SELECT max(position) AS p FROM checkpoint').get() as { p: number | null }).p ?? 0);
  }
  commit(position: bigint, writes: readonly string[]): void {
    this.db.transaction(() => {
      for (const w of writes) this.db.prepare('INSERT INTO seen VALUES (?)').run(w);
      this.db.prepare('INSERT INTO checkpoint VALUES (?)').run(Number(position));
    })();
  }
  seen(): string[] {
    return (this.db.prepare('SELECT type FROM seen').all() as { type: string }[]).map((r) => r.type);
  }
  close(): void {
    if (this.db.open) this.db.close();
  }
}

describe('CheckpointedConsumer (real SQLite store and consumer database)', () => {
  let dir: string;
  let store: EventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-consumer-'));
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const append = (type: string, n = 1) =>
    store.appendToStream(
      `s-${type}`,
      Array.from({ length: n }, () => ({ id: crypto.randomUUID(), type, data: {} })),
      { expectedRevision: 'any' },
    );
  const consumerOn = (state: TallyState, handler: EventHandler<string>, unsavedMax?: number) =>
    new CheckpointedConsumer({ name: 'tally', store, state, handler, ...(unsavedMax ? { unsavedMax } : {}) });
  const keepA: EventHandler<string> = { handle: async (e) => (e.type === 'a' ? [e.type] : undefined) };

  it('writes what an event changed with the checkpoint that passes it, and resumes there after a restart', async () => {
    await append('a', 2);
    await append('b', 3);
    const state = new TallyState(join(dir, 'tally.sqlite'));
    const first = consumerOn(state, keepA).start();
    await first.caughtUp();
    expect(state.seen()).toEqual(['a', 'a']);
    await first.close();
    await append('a');
    const again = new TallyState(join(dir, 'tally.sqlite'));
    expect(again.checkpoint()).toBe(5n);
    const second = consumerOn(again, keepA).start();
    await second.caughtUp();
    expect(again.seen()).toEqual(['a', 'a', 'a']);
    await second.close();
  });

  it('moves the checkpoint of events that change nothing in batches, and on close', async () => {
    await append('b', 7);
    const state = new TallyState(join(dir, 'tally.sqlite'));
    const consumer = consumerOn(state, keepA, 3).start();
    await consumer.caughtUp();
    expect(consumer.checkpoint()).toBe(7n);
    expect(state.checkpoint()).toBe(6n);
    await consumer.close();
    expect(new TallyState(join(dir, 'tally.sqlite')).checkpoint()).toBe(7n);
  });

  it('stops at a failing event, visibly, and handles it again from there after a restart', async () => {
    await append('a');
    await append('boom');
    await append('a');
    const state = new TallyState(join(dir, 'tally.sqlite'));
    let failures = 0;
    const consumer = new CheckpointedConsumer({
      name: 'tally',
      store,
      state,
      onFailure: () => failures++,
      handler: {
        handle: (e) => (e.type === 'boom' ? Promise.reject(new Error('cannot handle boom')) : e.type === 'a' ? ['a'] : undefined),
      },
    }).start();
    await expect(consumer.caughtUp(2000)).rejects.toThrow('cannot handle boom');
    expect(consumer.status()).toMatchObject({
      state: 'failed',
      position: '1',
      error: { eventType: 'boom', position: '2', message: 'cannot handle boom' },
    });
    expect(state.seen()).toEqual(['a']);
    expect(failures).toBe(1);
    await consumer.close();
    const again = new TallyState(join(dir, 'tally.sqlite'));
    const fixed = consumerOn(again, keepA).start();
    await fixed.caughtUp();
    expect(again.seen()).toEqual(['a', 'a']);
    await fixed.close();
  });

  it('with a checkpoint past the head of the log (a log restored without it), fails at start instead of skipping', async () => {
    await append('a', 2);
    const state = new TallyState(join(dir, 'tally.sqlite'));
    state.commit(5n, []);
    const failures: string[] = [];
    const consumer = new CheckpointedConsumer({ name: 'tally', store, state, handler: keepA, onFailure: (f) => failures.push(f.message) });
    consumer.start();
    await expect(consumer.caughtUp(2000)).rejects.toThrow('its checkpoint (position 5) is past the head of the event log (position 2)');
    // Positions 3 to 5 are written after the restore: none is skipped as handled, the consumer stays stopped.
    await append('a', 4);
    await new Promise((r) => setTimeout(r, 30));
    expect(consumer.status()).toMatchObject({ state: 'failed', position: '5', error: { eventId: '' } });
    expect(failures).toEqual([expect.stringContaining('stopped rather than skip the events written from position 3')]);
    expect(state.seen()).toEqual([]);
    await consumer.close();
  });

  it('closed while a handler runs: nothing of that event is written, so the next start handles it again', async () => {
    await append('a');
    const state = new TallyState(join(dir, 'tally.sqlite'));
    let release!: () => void;
    const consumer = consumerOn(state, { handle: () => new Promise((r) => (release = () => r(['a']))) }).start();
    await new Promise((r) => setTimeout(r, 20));
    const closing = consumer.close();
    release();
    await closing;
    const reopened = new TallyState(join(dir, 'tally.sqlite'));
    expect([reopened.checkpoint(), reopened.seen()]).toEqual([0n, []]);
    reopened.close();
  });

  it('misses no event delivered a few microtasks after the previous one (as the EventStoreDB adapter delivers)', async () => {
    await append('a', 50);
    const events = await store.readAll();
    // The real store's events, each emitted `gap` microtasks after the previous: some land while a drain is ending.
    const spaced = (gap: number): EventStore =>
      Object.assign(Object.create(store) as EventStore, {
        subscribeToAll: () =>
          new Observable<RecordedEvent>((subscriber) => {
            void (async () => {
              for (const e of events) {
                for (let i = 0; i < gap; i++) await Promise.resolve();
                subscriber.next(e);
              }
            })();
          }),
      });
    for (const gap of [1, 2, 3, 4, 5]) {
      for (const handler of [keepA, { handle: (e: { type: string }) => [e.type] }]) {
        const state = new TallyState(join(dir, `tally-${gap}-${Math.random()}.sqlite`));
        const consumer = new CheckpointedConsumer({ name: 'tally', store: spaced(gap), state, handler });
        consumer.start();
        await new Promise((r) => setTimeout(r, 30));
        expect([gap, consumer.checkpoint()]).toEqual([gap, 50n]);
        await consumer.close();
      }
    }
  });
});
