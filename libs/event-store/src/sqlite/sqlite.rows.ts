import type { EventMetadata, RecordedEvent } from '../event-store.port.js';

export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash';

/** EVENT_COLUMNS as an array (raw-mode statements skip building a row object: faster reads). */
export type RawEventRow = [number, string, number, string, string, number, string, string, number, string];

/**
 * Parsed at once into a plain object. Parsing on first access was measured (bench/README.md):
 * own getters on an object literal made a subscriber that reads `data` ~30 % slower, and getters
 * on a class prototype would vanish from `{ ...event }`, `Object.keys` and `structuredClone`.
 */
export function fromRaw(r: RawEventRow): RecordedEvent & { hash: string } {
  return {
    id: r[3],
    streamId: r[1],
    revision: BigInt(r[2]),
    position: BigInt(r[0]),
    type: r[4],
    schemaVersion: r[5],
    data: JSON.parse(r[6]),
    metadata: JSON.parse(r[7]) as EventMetadata,
    recordedAt: new Date(r[8]),
    hash: r[9],
  };
}
