import type { EventData, Position } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../event-store.port.js';
import { SNAPSHOT_EVENT_TYPE, SNAPSHOT_STREAM_PREFIX } from './eventstoredb-snapshots.js';

/** An event as the client returns it from a stream or $all read (JSON or binary). */
export interface ClientEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata?: unknown;
  created: Date;
  position?: Position;
}

/** What this adapter writes as the ESDB event metadata; `$correlationId`/`$causationId` feed ESDB's own projections. */
interface StoredMetadata {
  schemaVersion: number;
  /** Index of the event in its append (see eventstoredb.position.ts). */
  appendIndex: number;
  metadata: EventMetadata;
  $correlationId?: string;
  $causationId?: string;
}

export interface PreparedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  data: object;
  dataJson: string;
  metadata: EventMetadata;
}

export function toEventData(e: PreparedEvent, appendIndex: number): EventData {
  const stored: StoredMetadata = { schemaVersion: e.schemaVersion, appendIndex, metadata: e.metadata };
  if (typeof e.metadata.correlationId === 'string') stored.$correlationId = e.metadata.correlationId;
  if (typeof e.metadata.causationId === 'string') stored.$causationId = e.metadata.causationId;
  return {
    id: e.id,
    contentType: 'application/json',
    type: e.type,
    data: e.data as Record<string, unknown>,
    metadata: stored as unknown as Record<string, unknown>,
  };
}

/** Our fields of an event; events written by something else read as schema version 1, index 0. */
export function storedFields(e: ClientEvent): { schemaVersion: number; appendIndex: number; metadata: EventMetadata } {
  const m = e.metadata;
  if (m && typeof m === 'object' && !(m instanceof Uint8Array)) {
    const s = m as Partial<StoredMetadata>;
    if (Number.isInteger(s.schemaVersion) && Number.isInteger(s.appendIndex) && s.metadata && typeof s.metadata === 'object') {
      return { schemaVersion: s.schemaVersion!, appendIndex: s.appendIndex!, metadata: s.metadata };
    }
    return { schemaVersion: 1, appendIndex: 0, metadata: m as EventMetadata };
  }
  return { schemaVersion: 1, appendIndex: 0, metadata: {} };
}

/** `hash` stays undefined: see the note in eventstoredb-event-store.ts. */
export function toRecorded(e: ClientEvent, position: bigint): RecordedEvent {
  const f = storedFields(e);
  return {
    id: e.id,
    streamId: e.streamId,
    revision: e.revision,
    position,
    type: e.type,
    schemaVersion: f.schemaVersion,
    data: e.data,
    metadata: f.metadata,
    recordedAt: e.created,
  };
}

/**
 * Events that are not the log's: system events ($-types: links, metadata, stats; the subscription filters them on the
 * server) and the adapter's snapshots (eventstoredb-snapshots.ts), skipped by every $all read and subscription.
 */
export function isSystemEvent(e: ClientEvent): boolean {
  return e.type.startsWith('$') || (e.type === SNAPSHOT_EVENT_TYPE && e.streamId.startsWith(SNAPSHOT_STREAM_PREFIX));
}
