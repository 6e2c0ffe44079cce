import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ledgerCsv, ledgerXlsx } from '#audit';
import { type EventStore, SqliteEventStore } from '#event-store';

const PAGES = 40;
const PAGE = 1000;

/** Counts the pages of the log the exporter has read. */
function counted(store: EventStore): { store: EventStore; pages: () => number } {
  let pages = 0;
  const spy = Object.create(store) as EventStore;
  spy.readAll = (o) => {
    pages++;
    return store.readAll(o);
  };
  return { store: spy, pages: () => pages };
}

/**
 * A reader that takes the first chunks and then stops reading (a client on a slow line, or one that went quiet): the
 * exporter must stop reading the log soon after, not build the rest of the file in memory.
 */
async function pagesReadWhileStalled(make: (store: EventStore) => Readable, store: EventStore): Promise<number[]> {
  const { store: spy, pages } = counted(store);
  const stream = make(spy);
  await new Promise<void>((resolve) => stream.once('data', () => resolve()));
  stream.pause();
  // What is already on its way (being compressed) settles within a few hundred milliseconds, then nothing moves.
  let stalled = -1;
  for (let i = 0; i < 20 && stalled !== pages(); i++) {
    stalled = pages();
    await sleep(250);
  }
  await sleep(750);
  const later = pages();
  stream.destroy();
  await finished(stream).catch(() => undefined);
  return [stalled, later];
}

describe('the ledger exports follow their reader (backpressure): a reader that stops reading stops the export', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-ledger-backpressure-'));
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const stamp = (i: number) => ({ requestId: `r-${i}`, fingerprint: 'f', year: 2023, commitmentRef: `EJ-${i % 50}` });
    for (let b = 0; b < PAGES / 10; b++) {
      const events = Array.from({ length: 10 * PAGE }, (_, i) => ({
        id: randomUUID(),
        type: 'envelope.paid',
        data: { ...stamp(b * 10 * PAGE + i), amountCents: 100 + i, instalment: 1 },
        metadata: { actorId: 'finance-lille', role: 'finance' },
      }));
      await store.appendToStream('envelope-fip-academie-09-2023', events, { expectedRevision: 'any' });
    }
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The XLSX holds a few more pages: its buffers hold compressed bytes (about 85 KB a page of rows here).
  it.each([
    ['CSV', (s: EventStore) => ledgerCsv(s), 6],
    ['XLSX', (s: EventStore) => ledgerXlsx(s), 12],
  ])('%s: a few pages read ahead at most, then nothing until the reader reads again', async (_format, make, most) => {
    const [stalled, later] = await pagesReadWhileStalled(make, store);
    expect(later).toBe(stalled);
    expect(stalled).toBeLessThanOrEqual(most);
    expect(stalled).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['CSV', (s: EventStore) => ledgerCsv(s)],
    ['XLSX', (s: EventStore) => ledgerXlsx(s)],
  ])('%s: read to the end, it reads every page once', async (_format, make) => {
    const { store: spy, pages } = counted(store);
    const stream = make(spy);
    stream.resume();
    await finished(stream);
    expect(pages()).toBe(PAGES);
  });
});
