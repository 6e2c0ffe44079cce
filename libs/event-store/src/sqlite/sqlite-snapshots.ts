import type { Database, Statement } from 'better-sqlite3';
import type { SnapshotStore, StoredSnapshot } from '../snapshots/snapshot-store.port.js';

interface SnapshotRow {
  schema: string;
  revision: number;
  event_id: string;
  position: number;
  state: string;
}

/**
 * Snapshots in the `snapshots` table of the log's file, on the store's own connection: better-sqlite3 is synchronous, so a
 * save never lands inside a group commit's transaction, and the stream tails the committer keeps stay valid (no event row
 * changes). Each save is its own transaction, fsynced like any other (synchronous=OFF would also leave checkpoints
 * unsynced, and with them events already acknowledged): callers save rarely and off the request's path.
 */
export class SqliteSnapshots implements SnapshotStore {
  private readonly read: Statement<[string], SnapshotRow>;
  private readonly write: Statement<[string, string, number, string, number, string, number]>;

  constructor(
    private readonly db: Database,
    private readonly assertOpen: () => void,
    private readonly now: () => number,
  ) {
    this.read = db.prepare('SELECT schema, revision, event_id, position, state FROM snapshots WHERE stream_id = ?');
    this.write = db.prepare(
      `INSERT INTO snapshots (stream_id, schema, revision, event_id, position, state, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET schema = excluded.schema, revision = excluded.revision, event_id = excluded.event_id,
         position = excluded.position, state = excluded.state, saved_at = excluded.saved_at`,
    );
  }

  async load(streamId: string, schema: string): Promise<StoredSnapshot | undefined> {
    this.assertOpen();
    const row = this.read.get(streamId);
    if (!row || row.schema !== schema) return undefined;
    return {
      streamId,
      schema,
      revision: BigInt(row.revision),
      eventId: row.event_id,
      position: BigInt(row.position),
      state: JSON.parse(row.state) as unknown,
    };
  }

  async save(s: StoredSnapshot): Promise<void> {
    this.assertOpen();
    this.write.run(s.streamId, s.schema, Number(s.revision), s.eventId, Number(s.position), JSON.stringify(s.state), this.now());
  }
}
