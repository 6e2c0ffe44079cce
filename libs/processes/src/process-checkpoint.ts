import Database from 'better-sqlite3';
import { restrictDatabaseFile } from '#event-store';

/**
 * A processor's own SQLite file, shared safely by processes on one host (WAL, busy timeout).
 * synchronous=NORMAL: what it holds is derived from the log and every step is idempotent, so a
 * transaction lost to a power cut is only handled again; the fsync per event is not worth paying.
 */
export function openProcessDatabase(path: string): Database.Database {
  restrictDatabaseFile(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * The last log position a consumer has handled, in `table`; written in the caller's transaction,
 * together with what handling the event changed.
 */
export class ConsumerCheckpoint {
  private readonly get: Database.Statement<[string], { position: number }>;
  private readonly put: Database.Statement<[string, number]>;

  constructor(
    db: Database.Database,
    table: string,
    private readonly consumer: string,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (consumer TEXT PRIMARY KEY, position INTEGER NOT NULL)`);
    this.get = db.prepare(`SELECT position FROM ${table} WHERE consumer = ?`);
    // max(): two runners sharing one consumer never move the checkpoint backwards.
    this.put = db.prepare(`INSERT INTO ${table} (consumer, position) VALUES (?, ?)
      ON CONFLICT (consumer) DO UPDATE SET position = max(position, excluded.position)`);
  }

  read(): bigint {
    return BigInt(this.get.get(this.consumer)?.position ?? 0);
  }

  advance(position: bigint): void {
    this.put.run(this.consumer, Number(position));
  }
}
