import type { Database, Statement } from 'better-sqlite3';

export interface StreamTail { revision: number; hash: string }

const MAX_TAILS = 100_000;

/**
 * The last revision and hash of streams this connection appended to, so that an append does
 * not look its stream up again. Valid only while no other connection (another process, another
 * store on the same file, a tool editing it) has committed: `PRAGMA data_version` tells, and is
 * read under the write lock at the start of every group, before any tail is trusted.
 * Tails written by a group are kept aside until its COMMIT succeeds. data_version does not move for
 * this connection's own commits: every write on the store's connection must go through the group
 * committer (today the only writer besides the schema set-up at open).
 */
export class StreamTails {
  private committed = new Map<string, StreamTail>();
  private pending = new Map<string, StreamTail>();
  private readonly dataVersion: Statement<[], number>;
  private seenVersion: number | undefined;

  constructor(db: Database) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** Call inside the write transaction, before the group's first append. */
  beginGroup(): void {
    const version = this.dataVersion.get()!;
    if (version !== this.seenVersion) this.committed.clear();
    this.seenVersion = version;
    this.pending.clear();
  }

  /** The known tail, or undefined when the stream must be read from the file. */
  get(streamId: string): StreamTail | undefined {
    return this.pending.get(streamId) ?? this.committed.get(streamId);
  }

  set(streamId: string, tail: StreamTail): void {
    this.pending.set(streamId, tail);
  }

  /** After one append of the group failed: read its stream from the file again. */
  forget(streamId: string): void {
    this.pending.delete(streamId);
    this.committed.delete(streamId);
  }

  committedGroup(): void {
    if (this.committed.size + this.pending.size > MAX_TAILS) this.committed.clear();
    for (const [id, tail] of this.pending) this.committed.set(id, tail);
    this.pending.clear();
  }

  /** After a rolled-back group nothing it wrote may be trusted. */
  abortedGroup(): void {
    this.pending.clear();
    this.committed.clear();
    this.seenVersion = undefined;
  }
}
