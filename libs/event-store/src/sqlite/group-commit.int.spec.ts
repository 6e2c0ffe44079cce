import { expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from './sqlite-event-store.js';

it('groups concurrent appends into one durable (WAL, synchronous=FULL) transaction, each answered on its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'refonda-gc-'));
  const path = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ path });
  try {
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        store.appendToStream(`envelope-${i}`, [{ id: randomUUID(), type: 'Opened', data: { i } }], { expectedRevision: 'no_stream' }),
      ),
    );
    expect(new Set(results.map((r) => r.position)).size).toBe(64);
    expect(store.stats).toEqual({ commits: 1, appends: 64 });
    await store.appendToStream('envelope-0', [{ id: randomUUID(), type: 'Noted', data: {} }], { expectedRevision: 0n });
    expect(store.stats).toEqual({ commits: 2, appends: 65 });
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const conn = (store as unknown as { db: Database.Database }).db;
    expect(conn.pragma('synchronous', { simple: true })).toBe(2);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
