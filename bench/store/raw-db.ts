import Database from 'better-sqlite3';
import { applySchema } from '#event-store/sqlite/sqlite.schema';
import { EVENT_COLUMNS } from '#event-store/sqlite/sqlite.rows';

/** The columns the store reads, in its order. */
export const COLUMNS = EVENT_COLUMNS;
const FAKE_HASH = 'f'.repeat(64);

/** A raw connection with the store's durability (WAL, synchronous=FULL) and its very tables: the baselines write and read the same rows. */
export function openRaw(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  applySchema(db);
  return db;
}

export interface RawWriter {
  begin: () => void;
  commit: () => void;
  insert: (stream: string, revision: number, e: { id: string; type: string; data: unknown; metadata?: unknown }) => void;
}

/** Plain prepared INSERTs; JSON.stringify is kept, since any writer of these rows must serialize. */
export function rawWriter(db: Database.Database): RawWriter {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const insert = db.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  return {
    begin: () => begin.run(),
    commit: () => commit.run(),
    insert: (stream, revision, e) =>
      insert.run(stream, revision, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata ?? {}), Date.now(), FAKE_HASH),
  };
}
