import Database from 'better-sqlite3';

/** The store's table shape (sqlite.schema.ts), copied: the baselines write and read the same rows. */
const SCHEMA = `
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
  CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);`;

export const COLUMNS = 'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash';
const FAKE_HASH = 'f'.repeat(64);

/** A raw connection with the store's durability: WAL, synchronous=FULL. */
export function openRaw(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
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
