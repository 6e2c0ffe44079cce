import type { RecordedEvent } from '../event-store.port.js';

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: number;
  hash: string;
}

export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash';

/** The same columns as an array (statements in raw mode skip building a row object: faster reads). */
export type RawEventRow = [number, string, number, string, string, number, string, string, number, string];

export function fromRaw(r: RawEventRow): RecordedEvent & { hash: string } {
  return {
    id: r[3],
    streamId: r[1],
    revision: BigInt(r[2]),
    position: BigInt(r[0]),
    type: r[4],
    schemaVersion: r[5],
    data: JSON.parse(r[6]),
    metadata: JSON.parse(r[7]),
    recordedAt: new Date(r[8]),
    hash: r[9],
  };
}

export function toRecorded(row: EventRow): RecordedEvent & { hash: string } {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: new Date(row.recorded_at),
    hash: row.hash,
  };
}
