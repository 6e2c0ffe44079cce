import { ANY, BACKWARDS, END, type EventStoreDBClient, StreamNotFoundError, jsonEvent } from '@eventstore/db-client';
import type { SnapshotStore, StoredSnapshot } from '../snapshots/snapshot-store.port.js';
import { mapClientError } from './eventstoredb.errors.js';

/** Snapshots live in their own stream per stream, kept to its last event ($maxCount 1); never handed out as log events. */
export const SNAPSHOT_STREAM_PREFIX = 'snapshot-';
export const SNAPSHOT_EVENT_TYPE = 'refonda.snapshot';

interface SnapshotData {
  schema: string;
  revision: string;
  eventId: string;
  position: string;
  state: unknown;
}

export class EventStoreDbSnapshots implements SnapshotStore {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly assertOpen: () => void,
  ) {}

  async load(streamId: string, schema: string): Promise<StoredSnapshot | undefined> {
    this.assertOpen();
    try {
      for await (const resolved of this.client.readStream(SNAPSHOT_STREAM_PREFIX + streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        const d = resolved.event?.data as SnapshotData | undefined;
        if (resolved.event?.type !== SNAPSHOT_EVENT_TYPE || !d || d.schema !== schema) return undefined;
        return { streamId, schema, revision: BigInt(d.revision), eventId: d.eventId, position: BigInt(d.position), state: d.state };
      }
      return undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw mapClientError(error);
    }
  }

  async save(s: StoredSnapshot): Promise<void> {
    this.assertOpen();
    const stream = SNAPSHOT_STREAM_PREFIX + s.streamId;
    const data: SnapshotData = {
      schema: s.schema,
      revision: s.revision.toString(),
      eventId: s.eventId,
      position: s.position.toString(),
      state: s.state,
    };
    try {
      const written = await this.client.appendToStream(stream, jsonEvent({ type: SNAPSHOT_EVENT_TYPE, data: data as never }), {
        expectedRevision: ANY,
      });
      // The first snapshot of a stream sets its metadata: the server then keeps only the last one.
      if (written.nextExpectedRevision === 0n) await this.client.setStreamMetadata(stream, { maxCount: 1 });
    } catch (error) {
      throw mapClientError(error, { streamId: stream, expected: 'any' });
    }
  }
}
