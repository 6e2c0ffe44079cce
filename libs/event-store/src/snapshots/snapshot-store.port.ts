/**
 * Folded states saved beside the log, so that reading a long stream folds only the events after the snapshot. A snapshot
 * is a cache: it may be missing, old or from another version of the code, and a reader never trusts it blindly (it checks
 * the schema, and that the stream still holds `eventId` at `revision`, then folds the rest). Every adapter provides one
 * (`EventStore.snapshots`) and passes the snapshot cases of the contract suite.
 */
export interface StoredSnapshot {
  streamId: string;
  /** The shape of `state` (the aggregate's name and state version): a snapshot saved under another schema is not returned. */
  schema: string;
  /** The last event folded into `state`: its revision, id and position. */
  revision: bigint;
  eventId: string;
  position: bigint;
  /** A JSON value: the aggregate's encoding of its state. */
  state: unknown;
}

export interface SnapshotStore {
  /** The last snapshot saved for the stream, if it was saved under `schema`. */
  load(streamId: string, schema: string): Promise<StoredSnapshot | undefined>;
  /** Replaces the stream's snapshot (one per stream: the last saved wins). */
  save(snapshot: StoredSnapshot): Promise<void>;
}
