import type { Database, Statement } from 'better-sqlite3';

export interface CheckpointRow {
  name: string;
  version: number;
  position: number;
}

/** Checkpoints live in the read-model file, written in the same transaction as the tables. */
export class CheckpointStore {
  private readonly get: Statement<[string], CheckpointRow>;
  private readonly put: Statement<[string, number, number]>;

  constructor(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL)`);
    this.get = db.prepare('SELECT name, version, position FROM projection_checkpoints WHERE name = ?');
    this.put = db.prepare(`INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`);
  }

  read(name: string): CheckpointRow | undefined {
    return this.get.get(name);
  }

  write(name: string, version: number, position: number): void {
    this.put.run(name, version, position);
  }
}
