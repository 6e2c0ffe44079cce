import type Database from 'better-sqlite3';
import { ConsumerCheckpoint, openProcessDatabase } from '../process-checkpoint.js';
import type { PendingDeadline } from './deadline.scheduler.js';

interface PendingRow {
  deadline_id: string;
  stream_id: string;
  project_id: string;
  name: string;
  due_at: string;
  remind_at: string | null;
  reminded: number;
}

/** What one log event changed in the pending deadlines. */
export interface DeadlineChange {
  /** A new pending deadline, or its new row (e.g. once reminded). */
  added?: PendingDeadline;
  removed?: string;
}

/**
 * The runner's durable state, in its own SQLite file: the checkpoint (last log position handled)
 * and the pending deadlines, written in one transaction per handled event.
 */
export class DeadlineCheckpointStore {
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly position: ConsumerCheckpoint;

  constructor(
    path: string,
    private readonly consumer: string,
  ) {
    this.db = openProcessDatabase(path);
    this.position = new ConsumerCheckpoint(this.db, 'deadline_checkpoints', consumer);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS deadline_pending (
        consumer TEXT NOT NULL, deadline_id TEXT NOT NULL, stream_id TEXT NOT NULL, project_id TEXT NOT NULL,
        name TEXT NOT NULL, due_at TEXT NOT NULL, PRIMARY KEY (consumer, deadline_id)
      );
    `);
    // Files written before reminders existed get their two columns; their deadlines have no reminder.
    const columns = new Set(
      this.db
        .prepare<[], { name: string }>('PRAGMA table_info(deadline_pending)')
        .all()
        .map((c) => c.name),
    );
    if (!columns.has('remind_at')) this.db.exec('ALTER TABLE deadline_pending ADD COLUMN remind_at TEXT');
    if (!columns.has('reminded')) this.db.exec('ALTER TABLE deadline_pending ADD COLUMN reminded INTEGER NOT NULL DEFAULT 0');
    this.stmts = {
      pending: this.db.prepare<[string], PendingRow>(
        'SELECT deadline_id, stream_id, project_id, name, due_at, remind_at, reminded FROM deadline_pending WHERE consumer = ?',
      ),
      add: this.db.prepare(
        `INSERT OR REPLACE INTO deadline_pending (consumer, deadline_id, stream_id, project_id, name, due_at, remind_at, reminded)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      remove: this.db.prepare('DELETE FROM deadline_pending WHERE consumer = ? AND deadline_id = ?'),
    };
  }

  checkpoint(): bigint {
    return this.position.read();
  }

  pending(): PendingDeadline[] {
    return this.stmts.pending.all(this.consumer).map((r) => ({
      deadlineId: r.deadline_id,
      streamId: r.stream_id,
      projectId: r.project_id,
      name: r.name,
      dueAt: r.due_at,
      ...(r.remind_at === null ? {} : { remindAt: r.remind_at }),
      ...(r.reminded ? { reminded: true } : {}),
    }));
  }

  /** Records what handling log events changed, and that they were handled (the consumer's state). */
  commit(position: bigint, changes: readonly DeadlineChange[]): void {
    this.db.transaction(() => {
      for (const change of changes) {
        if (change.added) this.save(change.added);
        if (change.removed) this.stmts.remove.run(this.consumer, change.removed);
      }
      this.position.advance(position);
    })();
  }

  /** Writes one pending deadline's row (new, or changed: reminded). */
  save(d: PendingDeadline): void {
    this.stmts.add.run(this.consumer, d.deadlineId, d.streamId, d.projectId, d.name, d.dueAt, d.remindAt ?? null, d.reminded ? 1 : 0);
  }

  forget(deadlineId: string): void {
    this.stmts.remove.run(this.consumer, deadlineId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
