import type { Database } from 'better-sqlite3';
import type { AppendResult } from '../event-store.port.js';
import { EventStoreError, StoreUnavailableError } from '../event-store.errors.js';
import { GENESIS_HASH, headHash } from '../hash-chain.js';
import { type PreparedAppend, SqliteAppender, type WrittenEvent } from './sqlite-append.js';
import { StreamTails } from './stream-tails.js';

interface Pending {
  append: PreparedAppend;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: every append queued during one event-loop turn is written in one
 * transaction (one fsync), each inside its own savepoint so that a rejected append
 * (wrong revision, idempotency conflict) changes nothing and the others still commit.
 */
export class GroupCommitter {
  /** Commits and appends so far: appends / commits is the grouping factor. */
  readonly stats = { commits: 0, appends: 0 };
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight: Promise<void> = Promise.resolve();
  private readonly appender: SqliteAppender;
  private readonly tails: StreamTails;
  private readonly stmts;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
    private readonly onCommit: (appends: number) => void,
  ) {
    this.tails = new StreamTails(db);
    this.appender = new SqliteAppender(db, this.tails);
    this.stmts = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT one_append'),
      release: db.prepare('RELEASE one_append'),
      rollbackTo: db.prepare('ROLLBACK TO one_append'),
      head: db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM log_head WHERE id = 1'),
      setHead: db.prepare(
        'INSERT INTO log_head (id, position, hash) VALUES (1, ?, ?) ' +
          'ON CONFLICT (id) DO UPDATE SET position = excluded.position, hash = excluded.hash',
      ),
    };
  }

  enqueue(append: PreparedAppend): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.inFlight = new Promise<void>((done) =>
          setImmediate(() => {
            this.flush();
            done();
          }),
        );
      }
    });
  }

  /** Waits until everything queued so far is committed or rejected. */
  async drain(): Promise<void> {
    while (this.scheduled) await this.inFlight;
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: ({ ok: AppendResult } | { error: unknown })[] = [];
    try {
      this.stmts.begin.run();
      this.tails.beginGroup();
      const recordedAt = this.now();
      const written: WrittenEvent[] = [];
      for (const p of batch) {
        // Checks run before any insert, so a refused single-event append wrote nothing; a savepoint
        // is needed only where a failure could land between the inserts of a multi-event append.
        const guarded = p.append.events.length > 1;
        if (guarded) this.stmts.savepoint.run();
        const mark = written.length;
        try {
          outcomes.push({ ok: this.appender.append(p.append, recordedAt, written) });
          if (guarded) this.stmts.release.run();
        } catch (error) {
          // Disk full, I/O error: SQLite may have cancelled the whole transaction, not just this
          // statement. Going on would write the rest of the group outside any transaction.
          if (!this.db.inTransaction) throw error;
          if (guarded) {
            this.stmts.rollbackTo.run();
            this.stmts.release.run();
          }
          written.length = mark;
          this.tails.forget(p.append.streamId);
          outcomes.push({ error });
        }
      }
      if (written.length > 0) this.advanceHead(written);
      this.stmts.commit.run();
      this.stats.commits += 1;
      this.stats.appends += batch.length;
    } catch (error) {
      this.tails.abortedGroup();
      if (this.db.inTransaction) this.stmts.rollback.run();
      const failure = new StoreUnavailableError(`append failed, nothing written: ${(error as Error).message}`, error);
      for (const p of batch) p.reject(failure);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if ('ok' in o) p.resolve(o.ok);
      else p.reject(o.error instanceof EventStoreError ? o.error : new StoreUnavailableError(String(o.error), o.error));
    });
    this.onCommit(batch.length);
  }

  private advanceHead(written: WrittenEvent[]): void {
    const row = this.stmts.head.get();
    let hash = row?.hash ?? GENESIS_HASH;
    let position = row?.position ?? 0;
    for (const w of written) {
      hash = headHash(hash, w.position, w.hash);
      position = w.position;
    }
    this.stmts.setHead.run(position, hash);
  }
}
