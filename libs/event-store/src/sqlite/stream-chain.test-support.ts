import Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH } from '../hash-chain.js';

/**
 * For tests: a stream's revisions as stored, and whether its hash chain recomputed from the stored
 * columns (as `audit verify` does) matches the recorded hashes.
 */
export function storedChain(path: string, streamId: string): { revisions: number[]; intact: boolean } {
  const raw = new Database(path, { readonly: true });
  const rows = raw
    .prepare<[string], Record<string, string | number>>('SELECT * FROM events WHERE stream_id = ? ORDER BY revision')
    .all(streamId);
  raw.close();
  let previous = GENESIS_HASH;
  let intact = rows.length > 0;
  for (const r of rows) {
    const expected = eventHash(previous, {
      streamId,
      revision: Number(r.revision),
      eventId: String(r.event_id),
      type: String(r.type),
      schemaVersion: Number(r.schema_version),
      dataJson: String(r.data),
      metadataJson: String(r.metadata),
      recordedAtMs: Number(r.recorded_at),
    });
    if (expected !== r.hash) intact = false;
    previous = String(r.hash);
  }
  return { revisions: rows.map((r) => Number(r.revision)), intact };
}
