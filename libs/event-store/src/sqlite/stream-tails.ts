import type { Database, Statement } from 'better-sqlite3';

export interface StreamTail {
  revision: number;
  hash: string;
}

const MAX_TAILS = 100_000;

/**
 * The last revision and hash of streams this connection appended to, so that an append does
 * not look its stream up again. Valid only while no other connection (another process, another
 * store on the same file, a tool editing it) has committed: `PRAGMA data_version` tells, and is
 * read under the write lock at the start of every group, before any tail is trusted. A group
 * that rolls back drops every tail. data_version does not move for this connection's own
 * commits: every write on the store's connection must go through the group committer (today
 * the only writer besides the schema set-up at open).
 */
export class StreamTails {
  private readonly tails = new Map<string, StreamTail>();
  private readonly dataVersion: Statement<[], number>;
  private seenVersion: number | undefined;

  constructor(db: Database) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** Call inside the write transaction, before the group's first append. */
  beginGroup(): void {
    const version = this.dataVersion.get()!;
    if (version !== this.seenVersion || this.tails.size > MAX_TAILS) this.tails.clear();
    this.seenVersion = version;
  }

  /** The known tail, or undefined when the stream must be read from the file. */
  get(streamId: string): StreamTail | undefined {
    return this.tails.get(streamId);
  }

  set(streamId: string, tail: StreamTail): void {
    this.tails.set(streamId, tail);
  }

  /** After one append of the group failed: read its stream from the file again. */
  forget(streamId: string): void {
    this.tails.delete(streamId);
  }

  /** After a rolled-back group nothing it wrote may be trusted. */
  abortedGroup(): void {
    this.tails.clear();
    this.seenVersion = undefined;
  }
}
