import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';

/**
 * A read model: its tables live in the process-local read-model SQLite file; `apply` runs
 * inside the transaction that also moves the projection's checkpoint.
 */
export interface Projection {
  name: string;
  /** Bump when the tables or the handling change: the projection is then rebuilt from position 0. */
  version: number;
  /** Event types handled; the checkpoint moves past every other event too. */
  handles: readonly string[];
  /** Table names owned by this projection (for rebuilds and replay comparison). */
  tables: readonly string[];
  /** Creates the tables (IF NOT EXISTS); `prefix` is '' for live tables, e.g. 'rebuild_' while rebuilding. */
  setup(db: Database, prefix: string): void;
  apply(db: Database, event: RecordedEvent, prefix: string): void;
  /**
   * Optional, for projections that keep writes of one batch in memory (a project's events usually sit
   * together in the log): writes them, inside the batch's transaction, before the checkpoint moves.
   * The runner and the rebuild call it after each batch; any other caller of `apply` must too.
   */
  endBatch?(db: Database, prefix: string): void;
  /** Optional: the batch's transaction rolled back; drop what was kept in memory. */
  abortBatch?(db: Database, prefix: string): void;
}
