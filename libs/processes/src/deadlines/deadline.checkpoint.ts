import Database from 'better-sqlite3';
import type { PendingDeadline } from './deadline.scheduler.js';

interface PendingRow { deadline_id: string; stream_id: string; project_id: string; name: string; due_at: string }

/**
 * The runner's durable state, in its own SQLite file: the checkpoint (last log position handled)
 * and the pending deadlines, written in one transaction per handled event.
 */
export class DeadlineCheckpointStore {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(path: string, private readonly consumer: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS deadline_checkpoints (consumer TEXT PRIMARY KEY, position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS deadline_pending (
        consumer TEXT NOT NULL, deadline_id TEXT NOT NULL, stream_id TEXT NOT NULL, project_id TEXT NOT NULL,
        name TEXT NOT NULL, due_at TEXT NOT NULL, PRIMARY KEY (consumer, deadline_id)
      );
    `);
    this.stmts = {
      checkpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM deadline_checkpoints WHERE consumer = ?'),
      // max(): two runners sharing one consumer never move the checkpoint backwards.
      advance: this.db.prepare(`INSERT INTO deadline_checkpoints (consumer, position) VALUES (?, ?)
        ON CONFLICT (consumer) DO UPDATE SET position = max(position, excluded.position)`),
      pending: this.db.prepare<[string], PendingRow>('SELECT deadline_id, stream_id, project_id, name, due_at FROM deadline_pending WHERE consumer = ?'),
      add: this.db.prepare(`INSERT OR REPLACE INTO deadline_pending (consumer, deadline_id, stream_id, project_id, name, due_at) VALUES (?, ?, ?, ?, ?, ?)`),
      remove: this.db.prepare('DELETE FROM deadline_pending WHERE consumer = ? AND deadline_id = ?'),
    };
  }

  checkpoint(): bigint {
    return BigInt(this.stmts.checkpoint.get(this.consumer)?.position ?? 0);
  }

  pending(): PendingDeadline[] {
    return this.stmts.pending.all(this.consumer).map((r) => ({
      deadlineId: r.deadline_id, streamId: r.stream_id, projectId: r.project_id, name: r.name, dueAt: r.due_at,
    }));
  }

  /** Records what one log event changed, and that it was handled. */
  handled(position: bigint, change: { added?: PendingDeadline; removed?: string } = {}): void {
    this.db.transaction(() => {
      if (change.added) {
        const d = change.added;
        this.stmts.add.run(this.consumer, d.deadlineId, d.streamId, d.projectId, d.name, d.dueAt);
      }
      if (change.removed) this.stmts.remove.run(this.consumer, change.removed);
      this.stmts.advance.run(this.consumer, Number(position));
    })();
  }

  forget(deadlineId: string): void {
    this.stmts.remove.run(this.consumer, deadlineId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
