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
}
