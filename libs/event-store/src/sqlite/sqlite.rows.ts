import type { RecordedEvent } from '../event-store.port.js';

export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash';

/** EVENT_COLUMNS as an array (raw-mode statements skip building a row object: faster reads). */
export type RawEventRow = [number, string, number, string, string, number, string, string, number, string];

/**
 * `data` and `metadata` are parsed on first access: a subscriber that only looks at the type
 * and position (checkpoints, projections filtering by type) never pays for JSON.parse, the
 * largest cost of a catch-up. They are own enumerable getters, so spreading, JSON.stringify
 * and deep equality still see the values.
 */
export function fromRaw(r: RawEventRow): RecordedEvent & { hash: string } {
  const dataJson = r[6];
  const metadataJson = r[7];
  let data: unknown;
  let metadata: RecordedEvent["metadata"] | undefined;
  return {
    id: r[3],
    streamId: r[1],
    revision: BigInt(r[2]),
    position: BigInt(r[0]),
    type: r[4],
    schemaVersion: r[5],
    get data() {
      return (data ??= JSON.parse(dataJson));
    },
    get metadata() {
      return (metadata ??= JSON.parse(metadataJson));
    },
    recordedAt: new Date(r[8]),
    hash: r[9],
  };
}
