import { afterEach, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../event-store.errors.js';
import { GENESIS_HASH, headHash } from '../hash-chain.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const event = (bytes = 100) => [{ id: randomUUID(), type: 'funding.envelope_credited', data: { note: 'x'.repeat(bytes) } }];

it('a disk that fills up in the middle of a group fails the whole group: nothing written, log head and stream tails intact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'refonda-full-'));
  dirs.push(dir);
  const path = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ path });
  await store.appendToStream('envelope-fir-ars-44-2023', event(), { expectedRevision: 'no_stream' });
  const conn = (store as unknown as { db: Database.Database }).db;
  // A full disk, as SQLite sees it: no page may be added to the file.
  conn.pragma(`max_page_count = ${Number(conn.pragma('page_count', { simple: true })) + 3}`);

  const outcomes = await Promise.allSettled([
    store.appendToStream('envelope-fir-ars-44-2023', event(), { expectedRevision: 0n }),
    store.appendToStream('envelope-fip-academie-12-2023', event(200_000), { expectedRevision: 'any' }),
    store.appendToStream('envelope-fir-ars-44-2023', event(), { expectedRevision: 1n }),
  ]);
  for (const o of outcomes) {
    expect(o.status).toBe('rejected');
    expect((o as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
  }
  expect(conn.inTransaction).toBe(false);

  const raw = new Database(path, { readonly: true });
  const rows = raw
    .prepare<[], { position: number; hash: string; revision: number }>('SELECT position, hash, revision FROM events ORDER BY position')
    .all();
  const head = raw.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM log_head').get()!;
  raw.close();
  expect(rows.map((r) => r.revision)).toEqual([0]);
  expect(head).toEqual({ position: rows[0]!.position, hash: headHash(GENESIS_HASH, rows[0]!.position, rows[0]!.hash) });

  conn.pragma('max_page_count = 4294967294');
  const next = await store.appendToStream('envelope-fir-ars-44-2023', event(), { expectedRevision: 0n });
  expect(next.nextRevision).toBe(1n);
  await store.close();
});
