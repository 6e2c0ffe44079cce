import type { Database } from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '#event-store';
import { CheckpointStore } from './checkpoint.store.js';
import type { Projection } from './projection.js';

export interface RebuildProgress {
  /** Events read and applied so far. */
  done: number;
  /** The log's head position as last seen (grows while appends go on). */
  total: number;
  elapsedMs: number;
}

export interface RebuildOptions {
  store: EventStore;
  /** The read-model file the live tables are in (the API may be using it at the same time). */
  db: Database;
  projections: readonly Projection[];
  /** Events read and applied per transaction. */
  batchSize?: number;
  /** Table prefix of the tables being built ("green"). */
  prefix?: string;
  onProgress?: (p: RebuildProgress) => void;
  /** Monotonic milliseconds, for the progress figures. */
  now?: () => number;
}

export interface RebuildResult {
  position: number;
  events: number;
  elapsedMs: number;
}

/**
 * Blue-green rebuild: replays the log from position 0 into fresh `<prefix><table>` tables, then,
 * in one IMMEDIATE transaction, drops the live tables, renames the new ones in and moves the
 * checkpoints. Readers (WAL) keep reading the old tables until that commit, then see the new ones.
 * A runner applying live in another connection re-reads its checkpoint per batch, so it neither
 * misses nor double-applies an event across the swap. Live tables whose checkpoints are past the log's head belong to
 * another log (stopped runners: see CheckpointAheadOfLogError): they are replaced, not waited for.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult> {
  const { store, db, projections } = options;
  const prefix = options.prefix ?? 'rebuild_';
  const batchSize = options.batchSize ?? 1000;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const checkpoints = new CheckpointStore(db);
  db.transaction(() => {
    for (const p of projections) {
      for (const table of p.tables) db.exec(`DROP TABLE IF EXISTS "${prefix}${table}"`);
      p.setup(db, prefix);
    }
  })();
  const handled = projections.map((p) => new Set(p.handles));
  const inTransaction = db.transaction((events: RecordedEvent[]) => {
    for (const event of events) {
      for (let i = 0; i < projections.length; i++) if (handled[i]!.has(event.type)) projections[i]!.apply(db, event, prefix);
    }
    for (const p of projections) p.endBatch?.(db, prefix);
  });
  const applyBatch = (events: RecordedEvent[]) => {
    try {
      inTransaction(events);
    } catch (error) {
      for (const p of projections) p.abortBatch?.(db, prefix);
      throw error;
    }
  };
  let position = 0;
  let events = 0;
  let total = Number(await store.headPosition());
  const progress = () => options.onProgress?.({ done: events, total: Math.max(total, position), elapsedMs: now() - started });
  let replaceForeign = false;
  for (;;) {
    for (;;) {
      const batch = await store.readAll({ fromPosition: BigInt(position + 1), maxCount: batchSize });
      if (batch.length === 0) break;
      applyBatch(batch);
      position = Number(batch[batch.length - 1]!.position);
      events += batch.length;
      progress();
      if (batch.length < batchSize) break;
    }
    // The live tables may be ahead (the API kept applying): catch up again before swapping.
    const liveAhead = db
      .transaction(() => {
        const live = Math.max(0, ...projections.map((p) => checkpoints.read(p.name)?.position ?? 0));
        if (live > position && !replaceForeign) return live;
        for (const p of projections) swapIn(db, p, prefix, checkpoints, position);
        return 0;
      })
      .immediate();
    if (liveAhead === 0) break;
    total = Number(await store.headPosition());
    // Live checkpoints past the head (read after them) are not this log's (a restore without its read models): replaced.
    replaceForeign = liveAhead > total;
  }
  progress();
  return { position, events, elapsedMs: now() - started };
}

function swapIn(db: Database, p: Projection, prefix: string, checkpoints: CheckpointStore, position: number): void {
  for (const table of p.tables) {
    db.exec(`DROP TABLE IF EXISTS "${table}"`);
    db.exec(`ALTER TABLE "${prefix}${table}" RENAME TO "${table}"`);
  }
  // Renamed tables keep their indexes under the prefixed names: recreate them under the live names.
  const marks = p.tables.map(() => '?').join(', ');
  const indexes = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${marks})`)
    .all(...p.tables) as { name: string }[];
  for (const { name } of indexes) if (name.startsWith(prefix)) db.exec(`DROP INDEX "${name}"`);
  p.setup(db, '');
  checkpoints.write(p.name, p.version, position);
}
