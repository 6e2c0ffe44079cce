import type { Decider, DomainEvent } from '#kernel';
import type { EventStore, RecordedEvent } from '../event-store.port.js';
import { type KeyOnlyRequests, withKeyOnlyRequest } from './key-only-requests.js';

/** How an aggregate's state is kept between reads: what names its shape, how it is saved, how often. */
export interface SnapshotPolicy<S> {
  /** Names the state's shape: change it whenever the state, evolve or the upcasters of the stream's events change. */
  schema: string;
  encode(state: S): unknown;
  decode(saved: unknown): S;
  /** A snapshot is saved (in the background) once this many events were folded since the last one saved. Default 500. */
  every?: number;
  /** For streams written before the idempotency ledger: see key-only-requests.ts. */
  requestIdOf?(event: RecordedEvent): string | undefined;
}

/** A stream folded up to `revision` (-1n: no stream yet), with the last event folded. */
export interface FoldedStream<S> {
  streamId: string;
  state: S;
  revision: bigint;
  last?: { id: string; position: bigint };
  keyOnly: KeyOnlyRequests;
}

type Folder<S> = Pick<Decider<unknown, DomainEvent, S>, 'evolve' | 'initialState'>;

export interface StreamStatesOptions {
  /** Streams kept in memory, least recently used dropped first. Default 500. */
  maxStreams?: number;
  onSaveError?: (error: unknown, streamId: string) => void;
}

const DEFAULT_EVERY = 500n;

/**
 * Folded states, so that a read costs the events appended since the last one, not the whole history: a state kept in
 * memory (else the stream's snapshot, else nothing) is checked against the stream (the event at its revision must be the
 * one it folded last), then only the events after it are read and folded. A state that fails the check is dropped and the
 * stream folded from the start: a snapshot never changes the answer. Snapshots are saved in the background, every
 * `policy.every` events, never on the caller's path.
 */
export class StreamStates {
  private readonly entries = new Map<string, { folded: FoldedStream<unknown>; saved: bigint }>();
  private readonly saving = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly options: StreamStatesOptions = {},
  ) {}

  async load<S>(streamId: string, decider: Folder<S>, policy: SnapshotPolicy<S>): Promise<FoldedStream<S>> {
    const key = `${policy.schema}\u0000${streamId}`;
    const entry = this.entries.get(key);
    let base = entry?.folded as FoldedStream<S> | undefined;
    let saved = entry?.saved ?? -1n;
    let tail = base && (await this.tailAfter(base));
    if (!tail) {
      this.entries.delete(key);
      base = await this.fromSnapshot(streamId, policy);
      saved = base?.revision ?? -1n;
      tail = base && (await this.tailAfter(base));
    }
    if (!base || !tail) {
      base = { streamId, state: decider.initialState(), revision: -1n, keyOnly: {} };
      saved = -1n;
      tail = await this.store.readStream(streamId);
    }
    const folded = foldTail(base, tail, decider, policy);
    this.keep(key, folded, policy, saved);
    return folded;
  }

  /** After an append: the state it led to, so that the next read starts there. */
  remember<S>(policy: SnapshotPolicy<S>, folded: FoldedStream<S>): void {
    const key = `${policy.schema}\u0000${folded.streamId}`;
    this.keep(key, folded, policy, this.entries.get(key)?.saved ?? -1n);
  }

  private async tailAfter<S>(base: FoldedStream<S>): Promise<RecordedEvent[] | undefined> {
    if (!base.last) return base.revision < 0n ? this.store.readStream(base.streamId) : undefined;
    const events = await this.store.readStream(base.streamId, { fromRevision: base.revision });
    return events[0]?.id === base.last.id && events[0].revision === base.revision ? events.slice(1) : undefined;
  }

  private async fromSnapshot<S>(streamId: string, policy: SnapshotPolicy<S>): Promise<FoldedStream<S> | undefined> {
    const snapshot = await this.store.snapshots.load(streamId, policy.schema);
    if (!snapshot) return undefined;
    try {
      const saved = snapshot.state as { state: unknown; keyOnly?: KeyOnlyRequests };
      const last = { id: snapshot.eventId, position: snapshot.position };
      return { streamId, state: policy.decode(saved.state), revision: snapshot.revision, last, keyOnly: saved.keyOnly ?? {} };
    } catch {
      return undefined; // one that does not decode is not used: the stream is folded from the start
    }
  }

  private keep<S>(key: string, folded: FoldedStream<S>, policy: SnapshotPolicy<S>, saved: bigint): void {
    const current = this.entries.get(key);
    if (current && current.folded.revision > folded.revision) return;
    this.entries.delete(key); // re-inserted last: the Map's order is the recency order
    this.entries.set(key, { folded, saved });
    if (this.entries.size > (this.options.maxStreams ?? 500)) this.entries.delete(this.entries.keys().next().value!);
    if (folded.last && folded.revision - saved >= BigInt(policy.every ?? DEFAULT_EVERY)) this.saveLater(key, policy);
  }

  private saveLater<S>(key: string, policy: SnapshotPolicy<S>): void {
    if (this.saving.has(key)) return;
    this.saving.add(key);
    setImmediate(() => void this.save(key, policy).finally(() => this.saving.delete(key)));
  }

  private async save<S>(key: string, policy: SnapshotPolicy<S>): Promise<void> {
    const folded = this.entries.get(key)?.folded as FoldedStream<S> | undefined;
    if (!folded?.last) return;
    try {
      await this.store.snapshots.save({
        streamId: folded.streamId,
        schema: policy.schema,
        revision: folded.revision,
        eventId: folded.last.id,
        position: folded.last.position,
        state: { state: policy.encode(folded.state), keyOnly: folded.keyOnly },
      });
      const now = this.entries.get(key);
      if (now && now.saved < folded.revision) now.saved = folded.revision;
    } catch (error) {
      this.options.onSaveError?.(error, folded.streamId);
    }
  }
}

function foldTail<S>(base: FoldedStream<S>, tail: readonly RecordedEvent[], decider: Folder<S>, policy: SnapshotPolicy<S>) {
  let { state, keyOnly } = base;
  for (const e of tail) {
    state = decider.evolve(state, { type: e.type, data: e.data });
    if (policy.requestIdOf) keyOnly = withKeyOnlyRequest(keyOnly, e, policy.requestIdOf(e), keyOnly === base.keyOnly);
  }
  const last = tail.at(-1);
  return last
    ? { streamId: base.streamId, state, revision: last.revision, last: { id: last.id, position: last.position }, keyOnly }
    : { ...base, state, keyOnly };
}

const registry = new WeakMap<EventStore, StreamStates>();

/** The folded states of a store object: one per store, shared by everything that reads through it. */
export function streamStatesOf(store: EventStore): StreamStates {
  let states = registry.get(store);
  if (!states) registry.set(store, (states = new StreamStates(store)));
  return states;
}
