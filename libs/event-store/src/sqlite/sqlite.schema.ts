import type { Database } from 'better-sqlite3';

export const SCHEMA_VERSION = 1;

/**
 * position is the rowid: assigned inside the single-writer transaction, so readers never
 * see a gap that fills in later. Idempotency is checked within the stream (as EventStoreDB
 * does), so there is no global index on the random event ids (it halves the write rate).
 */
export function applySchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position       INTEGER PRIMARY KEY,
      stream_id      TEXT    NOT NULL,
      revision       INTEGER NOT NULL,
      event_id       TEXT    NOT NULL,
      type           TEXT    NOT NULL,
      schema_version INTEGER NOT NULL,
      data           TEXT    NOT NULL,
      metadata       TEXT    NOT NULL,
      recorded_at    INTEGER NOT NULL,
      hash           TEXT    NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
    CREATE TABLE IF NOT EXISTS log_head (
      id       INTEGER PRIMARY KEY CHECK (id = 1),
      position INTEGER NOT NULL,
      hash     TEXT    NOT NULL
    );
    CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    -- Folded states, a cache beside the log (sqlite-snapshots.ts): not hashed, not exported, may be dropped at any time.
    CREATE TABLE IF NOT EXISTS snapshots (
      stream_id TEXT    PRIMARY KEY,
      schema    TEXT    NOT NULL,
      revision  INTEGER NOT NULL,
      event_id  TEXT    NOT NULL,
      position  INTEGER NOT NULL,
      state     TEXT    NOT NULL,
      saved_at  INTEGER NOT NULL
    );
  `);
  db.prepare(`INSERT OR IGNORE INTO store_meta (key, value) VALUES ('schema_version', ?)`).run(String(SCHEMA_VERSION));
}

export function applyPragmas(db: Database, busyTimeoutMs: number): void {
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged append survives power loss; group commit shares the fsync.
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('foreign_keys = ON');
}
