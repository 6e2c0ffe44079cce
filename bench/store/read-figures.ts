import { lastValueFrom, take, tap } from 'rxjs';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { STREAMS, makeEvent, streamName } from './fixtures.js';
import { storeAppends } from './append-figures.js';
import { COLUMNS } from './raw-db.js';
import { type Pair, rate } from './stats.js';

const PAGE = 1000; // the store's default subscription page size

/** Writes the read data set through the store: `perStream` events on each of the 10,000 streams. */
export async function seedReadLog(path: string, perStream: number): Promise<number> {
  let n = 0;
  const batches = Array.from({ length: STREAMS }, (_, s) => ({
    stream: s,
    events: Array.from({ length: perStream }, () => makeEvent(n++)),
  }));
  // Batch k goes to caller k % CALLERS; with k = s, streams stay partitioned by caller.
  await storeAppends(batches, path);
  return n;
}

export interface ReadBench {
  readStream: () => Promise<Pair>;
  readAll: () => Promise<Pair>;
  catchUp: () => Promise<Pair>;
  catchUpReadingData: () => Promise<Pair>;
  close: () => Promise<void>;
}

/** Each figure: the store's call beside a raw better-sqlite3 SELECT of the same rows, on its own connection. */
export function readBench(path: string, total: number): ReadBench {
  const store = new SqliteEventStore({ path });
  const raw = new Database(path, { readonly: true });
  // The store's SQL, LIMIT written as a literal as the store does (a bound LIMIT re-prepares each run).
  const byStream = raw.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`);
  const wholeLog = raw.prepare(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position`);
  const byPosition = raw.prepare(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ${PAGE}`);
  const byPositionRaw = raw.prepare(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ${PAGE}`).raw(true);
  const check = (got: number) => {
    if (got !== total) throw new Error(`read ${got} events, expected ${total}`);
  };

  return {
    readStream: async () => {
      const value = await rate(total, async () => {
        let got = 0;
        for (let s = 0; s < STREAMS; s++) got += (await store.readStream(streamName(s))).length;
        check(got);
      });
      const baseline = await rate(total, () => {
        let got = 0;
        for (let s = 0; s < STREAMS; s++) got += byStream.all(streamName(s), 0).length;
        check(got);
      });
      return { value, baseline };
    },
    readAll: async () => {
      const value = await rate(total, async () => check((await store.readAll()).length));
      const baseline = await rate(total, () => check(wholeLog.all(0).length));
      return { value, baseline };
    },
    catchUp: async () => {
      const value = await rate(total, async () => {
        const last = await lastValueFrom(store.subscribeToAll({ fromPosition: 0n }).pipe(take(total)));
        check(Number(last.position));
      });
      const baseline = await rate(total, () => check(pagedSelect(byPosition)));
      return { value, baseline };
    },
    catchUpReadingData: async () => {
      let cents = 0;
      const value = await rate(total, async () => {
        const last = await lastValueFrom(
          store.subscribeToAll({ fromPosition: 0n }).pipe(
            take(total),
            tap((e) => {
              cents += readAmount(e.data, e.metadata);
            }),
          ),
        );
        check(Number(last.position));
      });
      // Rows as arrays, as the store reads them: the cheapest way better-sqlite3 hands them over.
      const baseline = await rate(total, () => {
        let got = 0;
        let from = 1;
        for (;;) {
          const rows = byPositionRaw.all(from) as unknown[][];
          for (const row of rows) cents += readAmount(JSON.parse(row[6] as string), JSON.parse(row[7] as string));
          got += rows.length;
          if (rows.length < PAGE) break;
          from = (rows[rows.length - 1]![0] as number) + 1;
        }
        check(got);
      });
      if (cents <= 0) throw new Error('no amount read');
      return { value, baseline };
    },
    close: async () => {
      raw.close();
      await store.close();
    },
  };
}

/** The keyset-paged SELECT a subscription does, rows as objects; returns the rows read. */
function pagedSelect(byPosition: Database.Statement): number {
  let got = 0;
  let from = 1;
  for (;;) {
    const rows = byPosition.all(from) as { position: number }[];
    got += rows.length;
    if (rows.length < PAGE) break;
    from = rows[rows.length - 1]!.position + 1;
  }
  return got;
}

/** What a projection does with an event at the least: look into its data and metadata. */
function readAmount(data: unknown, metadata: unknown): number {
  const d = data as { amountCents?: number };
  return (d.amountCents ?? 0) + ((metadata as { actor?: string }).actor ? 0 : 1);
}
