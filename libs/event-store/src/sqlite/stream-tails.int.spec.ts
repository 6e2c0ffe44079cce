import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { storedChain } from './stream-chain.test-support.js';

const STREAM = 'envelope-fir-ars-44-2023';
const dirs: string[] = [];
const stores: SqliteEventStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openTwo(): { path: string; a: SqliteEventStore; b: SqliteEventStore } {
  const dir = mkdtempSync(join(tmpdir(), 'refonda-tails-'));
  dirs.push(dir);
  const path = join(dir, 'events.sqlite');
  const a = new SqliteEventStore({ path });
  const b = new SqliteEventStore({ path });
  stores.push(a, b);
  return { path, a, b };
}

const credit = (cents: number) => [{ id: randomUUID(), type: 'funding.envelope_credited', data: { amountCents: cents } }];

const chainHolds = (path: string) => storedChain(path, STREAM).intact;

describe('the remembered stream tails of a store never hide what another connection wrote', () => {
  it('two stores on one file take turns on one stream: revisions and the hash chain follow both', async () => {
    const { path, a, b } = openTwo();
    await a.appendToStream(STREAM, credit(100_000_000), { expectedRevision: 'no_stream' });
    await b.appendToStream(STREAM, credit(26_000_000), { expectedRevision: 0n });
    const third = await a.appendToStream(STREAM, credit(5_000_000), { expectedRevision: 1n });
    expect(third.nextRevision).toBe(2n);
    await b.appendToStream(STREAM, credit(1_000_000), { expectedRevision: 2n });
    expect(chainHolds(path)).toBe(true);
  });

  it('a stale expected revision is refused with the revision the other store wrote', async () => {
    const { a, b } = openTwo();
    await a.appendToStream(STREAM, credit(100), { expectedRevision: 'no_stream' });
    await b.appendToStream(STREAM, credit(200), { expectedRevision: 0n });
    const refused = await a.appendToStream(STREAM, credit(300), { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WrongExpectedRevisionError);
    expect((refused as WrongExpectedRevisionError).actual).toBe(1n);
  });

  it('a row removed by another tool is seen at the next append (no revision is trusted from memory)', async () => {
    const { path, a } = openTwo();
    await a.appendToStream(STREAM, [...credit(100), ...credit(200)], { expectedRevision: 'no_stream' });
    const raw = new Database(path);
    raw.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 1').run(STREAM);
    raw.close();
    const next = await a.appendToStream(STREAM, credit(300), { expectedRevision: 0n });
    expect(next.nextRevision).toBe(1n);
    expect(chainHolds(path)).toBe(true);
  });
});
