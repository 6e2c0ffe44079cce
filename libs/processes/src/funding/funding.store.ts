import type Database from 'better-sqlite3';
import { ConsumerCheckpoint, openProcessDatabase } from '../process-checkpoint.js';
import type { FundingRecord } from './funding.process.js';

/**
 * The process's durable state, in its own SQLite file: the checkpoint (last log position handled) and
 * what it knows of each project's funding. Both are written in one transaction per handled event, so a
 * crash re-handles at most the event in progress, whose steps are idempotent.
 */
export class FundingProcessStore {
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly position: ConsumerCheckpoint;

  constructor(
    path: string,
    private readonly consumer: string,
  ) {
    this.db = openProcessDatabase(path);
    this.position = new ConsumerCheckpoint(this.db, 'funding_checkpoints', consumer);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS funding_projects (
        consumer TEXT NOT NULL, project_id TEXT NOT NULL, envelope_id TEXT NOT NULL, pending INTEGER NOT NULL,
        pending_position INTEGER, record TEXT NOT NULL, PRIMARY KEY (consumer, project_id)
      );
      CREATE INDEX IF NOT EXISTS funding_projects_pending ON funding_projects (consumer, envelope_id, pending);
    `);
    this.stmts = {
      get: this.db.prepare<[string, string], { record: string }>(
        'SELECT record FROM funding_projects WHERE consumer = ? AND project_id = ?',
      ),
      put: this.db.prepare(`INSERT OR REPLACE INTO funding_projects (consumer, project_id, envelope_id, pending, pending_position, record)
        VALUES (?, ?, ?, ?, ?, ?)`),
    };
  }

  checkpoint(): bigint {
    return this.position.read();
  }

  record(projectId: string): FundingRecord | undefined {
    const row = this.stmts.get.get(this.consumer, projectId);
    return row ? (JSON.parse(row.record) as FundingRecord) : undefined;
  }

  /** Records what handling log events changed, and that they were handled (the consumer's state). */
  commit(position: bigint, records: readonly FundingRecord[]): void {
    this.db.transaction(() => {
      // `pending` and `pending_position` are kept for files written before the process stopped moving money (always 0 now).
      for (const r of records) this.stmts.put.run(this.consumer, r.projectId, r.envelopeId, 0, null, JSON.stringify(r));
      this.position.advance(position);
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
