import type Database from 'better-sqlite3';
import { ConsumerCheckpoint, openProcessDatabase } from '../process-checkpoint.js';
import type { ReportDeadlineStep } from './report-deadline.process.js';

/** What the process did for a project, last: the step, the events it wrote (0: nothing left to do), when. */
export interface ReportDeadlineRecord {
  projectId: string;
  actId: string;
  kind: ReportDeadlineStep['kind'];
  reportDueOn: string | null;
  written: number;
  at: string;
}

/**
 * The process's durable state, in its own tables of the processes' SQLite file: the checkpoint (last log position
 * handled) and its last step per project, written in one transaction per handled event.
 */
export class ReportDeadlineProcessStore {
  private readonly db: Database.Database;
  private readonly position: ConsumerCheckpoint;
  private readonly put: Database.Statement<[string, string, string]>;
  private readonly get: Database.Statement<[string, string], { record: string }>;

  constructor(
    path: string,
    private readonly consumer: string,
  ) {
    this.db = openProcessDatabase(path);
    this.position = new ConsumerCheckpoint(this.db, 'report_deadline_checkpoints', consumer);
    this.db.exec(`CREATE TABLE IF NOT EXISTS report_deadline_steps (
      consumer TEXT NOT NULL, project_id TEXT NOT NULL, record TEXT NOT NULL, PRIMARY KEY (consumer, project_id))`);
    this.put = this.db.prepare('INSERT OR REPLACE INTO report_deadline_steps (consumer, project_id, record) VALUES (?, ?, ?)');
    this.get = this.db.prepare('SELECT record FROM report_deadline_steps WHERE consumer = ? AND project_id = ?');
  }

  checkpoint(): bigint {
    return this.position.read();
  }

  record(projectId: string): ReportDeadlineRecord | undefined {
    const row = this.get.get(this.consumer, projectId);
    return row ? (JSON.parse(row.record) as ReportDeadlineRecord) : undefined;
  }

  commit(position: bigint, records: readonly ReportDeadlineRecord[]): void {
    this.db.transaction(() => {
      for (const r of records) this.put.run(this.consumer, r.projectId, JSON.stringify(r));
      this.position.advance(position);
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
