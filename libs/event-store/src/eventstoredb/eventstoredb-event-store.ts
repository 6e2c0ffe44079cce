import {
  type AllStreamResolvedEvent,
  type AppendToStreamOptions,
  BACKWARDS,
  END,
  type EventData,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import type { Observable } from 'rxjs';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port.js';
import { IdempotencyConflictError, InvalidAppendError, StoreClosedError, StoreUnavailableError } from '../event-store.errors.js';
import type { SnapshotStore } from '../snapshots/snapshot-store.port.js';
import { UpcasterRegistry } from '../upcasting/upcaster.registry.js';
import { toJson, validateAppend } from '../validate-append.js';
import { AppendStarts } from './append-starts.js';
import { isRetryable, mapClientError, StoreRejectedError } from './eventstoredb.errors.js';
import { type ClientEvent, isSystemEvent, type PreparedEvent, storedFields, toEventData, toRecorded } from './eventstoredb.events.js';
import { comparePositions, encodePosition, logOffsetOf, logStartOf, MAX_EVENTS_PER_APPEND } from './eventstoredb.position.js';
import { DEFAULT_APPEND_RETRY, type RetryPolicy, withAppendRetry } from './eventstoredb.retry.js';
import { EventStoreDbSnapshots } from './eventstoredb-snapshots.js';
import { resubscribingAll } from './eventstoredb.subscription.js';

export interface EventStoreDbEventStoreOptions {
  /** e.g. esdb://localhost:2113?tls=false, or esdb+discover://node1:2113,node2:2113?tlsCAFile=… */
  connectionString: string;
  upcasters?: UpcasterRegistry;
  /** Events per read call: the client's default maxCount would read a whole stream at once. */
  pageSize?: number;
  appendRetry?: RetryPolicy;
  resubscribeDelayMs?: (drops: number) => number;
}

const ALL = Number.MAX_SAFE_INTEGER;
type Read<E> = AsyncIterable<E>;

/**
 * The event store on EventStoreDB (gRPC client 6.x). Positions: see eventstoredb.position.ts.
 * `hash` is left undefined: chaining needs the previous event's hash before each write (one more
 * round trip), the server-assigned `created` time that SQLite's hash covers is unknown before the
 * write, and `any`/`stream_exists` appends cannot be chained without turning them into explicit
 * revisions, which would defeat the server's idempotency check on retries.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly upcasters: UpcasterRegistry;
  private readonly pageSize: number;
  private readonly append: (
    stream: string,
    events: EventData[],
    options: AppendToStreamOptions,
  ) => Promise<{ nextExpectedRevision: bigint }>;
  private readonly resubscribeDelayMs: (drops: number) => number;
  private readonly stops = new Set<() => void>();
  private closed = false;
  readonly snapshots: SnapshotStore;

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.pageSize = options.pageSize ?? 500;
    this.append = withAppendRetry(
      (s: string, e: EventData[], o: AppendToStreamOptions) => this.client.appendToStream(s, e, o),
      options.appendRetry ?? DEFAULT_APPEND_RETRY,
    );
    this.resubscribeDelayMs = options.resubscribeDelayMs ?? ((n) => Math.min(5000, 100 * 2 ** (n - 1)));
    this.snapshots = new EventStoreDbSnapshots(this.client, () => this.assertOpen());
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const expected = options?.expectedRevision;
    validateAppend(streamId, events, expected);
    if (events.length > MAX_EVENTS_PER_APPEND) throw new InvalidAppendError(`an append holds at most ${MAX_EVENTS_PER_APPEND} events`);
    const prepared: PreparedEvent[] = events.map((e) => {
      toJson(e.metadata ?? {}, `event ${e.id} metadata`);
      return {
        id: e.id.toLowerCase(),
        type: e.type,
        schemaVersion: e.schemaVersion ?? this.upcasters.currentVersion(e.type),
        data: e.data as object,
        dataJson: toJson(e.data, `event ${e.id} data`),
        metadata: e.metadata ?? {},
      };
    });
    // Built once: every retry sends the same ids with the same expected revision.
    const data = prepared.map((e, i) => toEventData(e, i));
    let last: bigint;
    try {
      last = (await this.append(streamId, data, { expectedRevision: expected })).nextExpectedRevision;
    } catch (error) {
      throw mapClientError(error, { streamId, expected });
    }
    // The server answers a replay of known ids with the first result without comparing content.
    const stored = await this.readRaw(streamId, last - BigInt(events.length - 1), FORWARDS, events.length);
    prepared.forEach((p, i) => {
      const s = stored[i];
      if (
        !s ||
        s.id.toLowerCase() !== p.id ||
        s.type !== p.type ||
        JSON.stringify(s.data) !== p.dataJson ||
        storedFields(s).schemaVersion !== p.schemaVersion ||
        storedFields(s).appendIndex !== i
      ) {
        throw new IdempotencyConflictError(streamId, p.id);
      }
    });
    const start = logOffsetOf(stored[0]!.position);
    if (start === undefined) throw new StoreRejectedError('stream reads carry no $all position: EventStoreDB 22.6 or later is required');
    return { nextRevision: last, position: encodePosition(start, events.length - 1) };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? END : START);
    return this.recorded(await this.readRaw(streamId, from, backwards ? BACKWARDS : FORWARDS, options.maxCount ?? ALL));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const from = options.fromPosition ?? 0n;
    const max = options.maxCount ?? ALL;
    const starts = this.appendStarts();
    const out: RecordedEvent[] = [];
    let cursor: ReadPosition = from > 0n ? logStartOf(from) : START;
    for (let seen: Position | undefined; ;) {
      const page = await this.collect(this.client.readAll({ fromPosition: cursor, maxCount: this.pageSize, direction: FORWARDS }));
      // A forwards read of $all includes its start: drop what the previous page returned.
      const ours = page.filter((e) => !isSystemEvent(e) && (!seen || comparePositions(e.position!, seen) > 0));
      starts.learn(ours);
      for (const e of ours) {
        const event = toRecorded(e, await starts.positionOf(e));
        if (event.position < from) continue;
        out.push(options.stored ? event : this.upcasters.upcast(event));
        if (out.length >= max) return out;
      }
      if (page.length < this.pageSize) return out;
      seen = page.at(-1)!.position!;
      cursor = seen;
    }
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    let cursor: ReadPosition = END;
    for (;;) {
      const page = await this.collect(this.client.readAll({ fromPosition: cursor, maxCount: 100, direction: BACKWARDS }));
      const ours = page.filter((e) => !isSystemEvent(e) && (cursor === END || comparePositions(e.position!, cursor as Position) < 0));
      if (ours.length > 0) {
        const starts = this.appendStarts();
        starts.learn(ours);
        return starts.positionOf(ours[0]!);
      }
      if (page.length < 100) return 0n;
      cursor = page.at(-1)!.position!;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    return resubscribingAll(
      {
        open: (from) => this.client.subscribeToAll({ fromPosition: from, filter: excludeSystemEvents() }),
        appendStarts: () => this.appendStarts(),
        isRetryable: (error) => isRetryable(error) || error instanceof StoreUnavailableError,
        mapError: (error) => mapClientError(error),
        delayMs: this.resubscribeDelayMs,
        upcast: (event) => this.upcasters.upcast(event),
        track: (stop) => {
          if (this.closed) stop();
          else this.stops.add(stop);
          return () => this.stops.delete(stop);
        },
      },
      options.fromPosition ?? 0n,
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stop of [...this.stops]) stop();
    await this.client.dispose();
  }

  private async readRaw(
    streamId: string,
    from: ReadRevision,
    direction: typeof FORWARDS | typeof BACKWARDS,
    max: number,
  ): Promise<ClientEvent[]> {
    const out: ClientEvent[] = [];
    for (let next = from; out.length < max;) {
      const want = Math.min(this.pageSize, max - out.length);
      const page = await this.collect(this.client.readStream(streamId, { fromRevision: next, direction, maxCount: want }));
      out.push(...page);
      const lastRevision = page.at(-1)?.revision;
      if (page.length < want || lastRevision === undefined || (direction === BACKWARDS && lastRevision === 0n)) break;
      next = direction === BACKWARDS ? lastRevision - 1n : lastRevision + 1n;
    }
    return out;
  }

  /** Drains one read call; a missing stream reads as empty. */
  private async collect(read: Read<ResolvedEvent | AllStreamResolvedEvent>): Promise<ClientEvent[]> {
    const events: ClientEvent[] = [];
    try {
      for await (const resolved of read) if (resolved.event) events.push(resolved.event as unknown as ClientEvent);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw mapClientError(error);
    }
    return events;
  }

  private async recorded(raw: ClientEvent[]): Promise<RecordedEvent[]> {
    const starts = this.appendStarts();
    starts.learn(raw);
    const out: RecordedEvent[] = [];
    for (const e of raw) out.push(this.upcasters.upcast(toRecorded(e, await starts.positionOf(e))));
    return out;
  }

  private appendStarts(): AppendStarts {
    return new AppendStarts(async (streamId, revision) => logOffsetOf((await this.readRaw(streamId, revision, FORWARDS, 1))[0]?.position));
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
