import type { Observable } from 'rxjs';
import type { SnapshotStore } from './snapshots/snapshot-store.port.js';

/**
 * The one event-store port. Every adapter (embedded SQLite, EventStoreDB) implements it
 * and passes the same contract suite (`contract/event-store.contract.ts`).
 *
 * Revisions are 0-based per stream; positions are global, strictly increasing, >= 1.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export type EventMetadata = Record<string, unknown>;

export interface EventToAppend<Data = unknown> {
  /** A UUID. Re-appending the same ids is idempotent (see `appendToStream`). */
  id: string;
  type: string;
  data: Data;
  metadata?: EventMetadata;
  /** Defaults to the current version the upcaster registry knows for `type`, else 1. */
  schemaVersion?: number;
}

export interface RecordedEvent<Data = unknown> {
  id: string;
  streamId: string;
  revision: bigint;
  position: bigint;
  type: string;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  recordedAt: Date;
  /** Hash chaining this event to the previous one of its stream, where the adapter keeps one. */
  hash?: string;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the last event now in the stream. */
  nextRevision: bigint;
  /** The global position of the last event appended. */
  position: bigint;
}

export interface ReadStreamOptions {
  /** Inclusive. Forwards default: 0; backwards default: the end. */
  fromRevision?: bigint;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Inclusive; 0n or absent reads from the start. */
  fromPosition?: bigint;
  maxCount?: number;
  /** The events exactly as stored, not upcast (audit exports: the hash chain covers these bytes). */
  stored?: boolean;
}

export interface SubscribeOptions {
  /** Exclusive: a checkpoint, the position of the last event already handled. Absent: from the start. */
  fromPosition?: bigint;
}

export interface EventStore {
  appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  /** A missing stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catches up from `fromPosition`, then follows live appends: no gap, no duplicate, global order. */
  subscribeToAll(options?: SubscribeOptions): Observable<RecordedEvent>;
  /** The position of the last event in the log (0n when empty). */
  headPosition(): Promise<bigint>;
  /** Folded states saved beside the log, in the same storage (not in the log: readAll and subscriptions never see them). */
  readonly snapshots: SnapshotStore;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
