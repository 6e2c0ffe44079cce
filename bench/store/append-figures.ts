import { SqliteEventStore } from '#event-store';
import { CALLERS, type PlannedAppend, plan, streamName } from './fixtures.js';
import { openRaw, rawWriter } from './raw-db.js';
import { type Pair, rate, tempDb } from './stats.js';

export interface StoreRun {
  perSecond: number;
  /** Appends answered per commit: the group-commit grouping factor. */
  appendsPerCommit: number;
}

/** CALLERS concurrent callers, each appending its own planned batches in order, with the right expected revision. */
export async function storeAppends(batches: PlannedAppend[], path: string): Promise<StoreRun> {
  const store = new SqliteEventStore({ path });
  const events = batches.reduce((n, b) => n + b.events.length, 0);
  const perSecond = await rate(events, () =>
    Promise.all(
      Array.from({ length: CALLERS }, async (_, caller) => {
        const revisions = new Map<number, bigint>();
        for (let k = caller; k < batches.length; k += CALLERS) {
          const b = batches[k]!;
          const r = await store.appendToStream(streamName(b.stream), b.events, {
            expectedRevision: revisions.get(b.stream) ?? 'no_stream',
          });
          revisions.set(b.stream, r.nextRevision);
        }
      }),
    ),
  );
  const { commits, appends } = store.stats;
  await store.close();
  if (appends !== batches.length) throw new Error(`store answered ${appends} appends, expected ${batches.length}`);
  return { perSecond, appendsPerCommit: appends / commits };
}

/** Raw INSERTs of the planned rows, `batchesPerTxn` planned appends per transaction (1: the naive loop). */
export async function rawAppends(batches: PlannedAppend[], path: string, batchesPerTxn: number): Promise<number> {
  const db = openRaw(path);
  const w = rawWriter(db);
  const revisions = new Map<number, number>();
  const events = batches.reduce((n, b) => n + b.events.length, 0);
  const perSecond = await rate(events, () => {
    for (let k = 0; k < batches.length; k += batchesPerTxn) {
      w.begin();
      for (const b of batches.slice(k, k + batchesPerTxn)) {
        let revision = revisions.get(b.stream) ?? -1;
        for (const e of b.events) w.insert(streamName(b.stream), ++revision, e);
        revisions.set(b.stream, revision);
      }
      w.commit();
    }
  });
  db.close();
  return perSecond;
}

async function inTemp<T>(label: string, run: (path: string) => Promise<T>): Promise<T> {
  const tmp = tempDb(label);
  try {
    return await run(tmp.path);
  } finally {
    tmp.cleanup();
  }
}

/** Figure 1: single-event appends, group commit vs one transaction (one fsync) per append. */
export function singleAppendPair(storeCount: number, naiveCount: number, seed: number): () => Promise<Pair> {
  return async () => {
    const batches = plan(storeCount, 1, seed);
    const s = await inTemp('single', (p) => storeAppends(batches, p));
    const naive = await inTemp('naive', (p) => rawAppends(batches.slice(0, naiveCount), p, 1));
    return { value: s.perSecond, baseline: naive, note: `${s.appendsPerCommit.toFixed(1)} appends/commit` };
  };
}

/** Figure 2: 10-event appends, store vs raw INSERTs of the same rows grouped as the store grouped them. */
export function batchedAppendPair(appendCount: number, seed: number): () => Promise<Pair> {
  return async () => {
    const batches = plan(appendCount, 10, seed);
    const s = await inTemp('batched', (p) => storeAppends(batches, p));
    const grouping = Math.max(1, Math.round(s.appendsPerCommit));
    const raw = await inTemp('raw-batched', (p) => rawAppends(batches, p, grouping));
    return { value: s.perSecond, baseline: raw, note: `${grouping} appends (${grouping * 10} events)/commit` };
  };
}
