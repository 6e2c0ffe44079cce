import type { Subscription } from 'rxjs';
import type { EventStore, RecordedEvent } from '#event-store';
import { CheckpointAheadOfLogError } from './checkpoint-ahead.error.js';

/** A consumer's durable state, in its own database: the checkpoint, and whatever its handler keeps. */
export interface ConsumerState<Write> {
  /** The position of the last event handled, as the database holds it (0n: none). */
  checkpoint(): bigint;
  /** Writes what handling events changed and moves the checkpoint to `position`, in one transaction. */
  commit(position: bigint, writes: readonly Write[]): void;
  close(): void;
}

type Writes<Write> = readonly Write[] | undefined;

/**
 * Handles one event (`handle`: may do async work, such as sending commands), or a whole burst (`handleBatch`: the events
 * the subscription delivered together, handled and written in one transaction, as read models are), then says what changed,
 * to be written with the checkpoint. `committed` is told once that is durable.
 */
export type EventHandler<Write> = (
  | { handle(event: RecordedEvent): Writes<Write> | Promise<Writes<Write>>; handleBatch?: undefined }
  | { handleBatch(events: readonly RecordedEvent[]): Writes<Write> | Promise<Writes<Write>>; handle?: undefined }
) & { committed?(position: bigint, events: readonly RecordedEvent[]): void };

export interface ConsumerFailure {
  message: string;
  eventId: string;
  eventType: string;
  streamId: string;
  position: string;
}

export interface ConsumerStatus {
  name: string;
  state: 'idle' | 'running' | 'failed' | 'stopped';
  /** The position of the last log event handled. */
  position: string;
  /** Set when state is 'failed': the event it could not handle and why; the consumer stopped there. */
  error?: ConsumerFailure;
}

export interface ConsumerOptions<Write> {
  name: string;
  store: EventStore;
  state: ConsumerState<Write>;
  handler: EventHandler<Write>;
  /** Told once when the consumer stops on a failure (logged and shown in /health by the application). */
  onFailure?: (failure: ConsumerFailure, error: unknown) => void;
  /**
   * Events that change nothing move the checkpoint in batches of this many (re-handling them after a crash does nothing),
   * so following the log does not add a transaction to every command of the API. Default 500.
   */
  unsavedMax?: number;
}

/**
 * The one way a process follows the log: from its checkpoint, through the store's durable subscription (never an in-memory
 * bus), one event at a time; what an event changed is written in the same transaction as the checkpoint that passes it, so a
 * crash only makes it handle that event again (handlers are idempotent). An error stops it where it is (fail-stop), visibly.
 */
export class CheckpointedConsumer<Write> {
  private position: bigint;
  private unsaved = 0;
  private state: ConsumerStatus['state'] = 'idle';
  private failure?: ConsumerFailure;
  private subscription?: Subscription;
  private readonly queue: RecordedEvent[] = [];
  private draining?: Promise<void>;
  private starting?: Promise<void>;

  constructor(private readonly o: ConsumerOptions<Write>) {
    this.position = o.state.checkpoint();
  }

  /** Subscribes from the checkpoint once the log's head is known not to be behind it (else fails, see CheckpointAheadOfLogError). */
  start(): this {
    if (this.state !== 'idle') return this;
    this.state = 'running';
    this.starting = this.o.store.headPosition().then(
      (head) => {
        if (this.state !== 'running') return;
        if (this.position > head) return this.fail(new CheckpointAheadOfLogError(this.o.name, this.position, head));
        this.subscription = this.o.store.subscribeToAll({ fromPosition: this.position }).subscribe({
          next: (e) => this.enqueue(e),
          error: (error) => this.fail(error),
        });
      },
      (error) => this.fail(error),
    );
    return this;
  }

  status(): ConsumerStatus {
    return { name: this.o.name, state: this.state, position: this.position.toString(), ...(this.failure ? { error: this.failure } : {}) };
  }

  checkpoint(): bigint {
    return this.position;
  }

  /** Resolves once every event in the log when called is handled; rejects if the consumer fails or times out. */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    await this.starting;
    const head = await this.o.store.headPosition();
    const started = performance.now();
    while (this.position < head || this.state === 'failed') {
      if (this.state === 'failed') throw new Error(`${this.o.name} failed: ${this.failure?.message}`);
      if (performance.now() - started > timeoutMs) throw new Error(`${this.o.name} stuck at ${this.position}, head ${head}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Writes the checkpoint of events that changed nothing (e.g. before a timer acts on the state). */
  saveCheckpoint(): void {
    if (this.unsaved === 0 || this.state === 'failed') return;
    this.o.state.commit(this.position, []);
    this.unsaved = 0;
  }

  async close(): Promise<void> {
    if (this.state === 'stopped') return;
    if (this.state !== 'failed') this.state = 'stopped';
    await this.starting;
    this.subscription?.unsubscribe();
    this.queue.length = 0;
    await this.draining;
    if (this.unsaved > 0) this.o.state.commit(this.position, []);
    this.o.state.close();
  }

  private enqueue(event: RecordedEvent): void {
    if (this.state !== 'running') return;
    this.queue.push(event);
    if (!this.draining) this.draining = this.drain();
  }

  private async drain(): Promise<void> {
    // A store may deliver a page synchronously: let it finish queueing, so a batch handler gets the whole burst.
    await Promise.resolve();
    while (this.state === 'running' && this.queue.length > 0) {
      const events = this.next().filter((e) => e.position > this.position);
      if (events.length === 0) continue;
      try {
        const h = this.o.handler;
        const writes = h.handleBatch ? await h.handleBatch(events) : await h.handle(events[0]!);
        if (this.state !== 'running') break; // closed meanwhile: the events are handled again on the next start
        this.moveTo(events.at(-1)!.position, writes ?? [], events);
      } catch (error) {
        this.fail(error, events[0]);
      }
    }
    // Cleared in the same microtask as the last look at the queue: an event queued from now on starts a new drain.
    this.draining = undefined;
  }

  /** The whole queue for a batch handler, one event otherwise. */
  private next(): RecordedEvent[] {
    return this.o.handler.handleBatch ? this.queue.splice(0, this.queue.length) : [this.queue.shift()!];
  }

  private moveTo(position: bigint, writes: readonly Write[], events: readonly RecordedEvent[]): void {
    if (writes.length === 0 && ++this.unsaved < (this.o.unsavedMax ?? 500)) {
      this.position = position;
      return;
    }
    this.o.state.commit(position, writes);
    this.unsaved = 0;
    this.position = position;
    this.o.handler.committed?.(position, events);
  }

  private fail(error: unknown, event?: RecordedEvent): void {
    if (this.state === 'failed') return;
    this.state = 'failed';
    this.failure = {
      message: error instanceof Error ? error.message : String(error),
      eventId: event?.id ?? '',
      eventType: event?.type ?? '',
      streamId: event?.streamId ?? '',
      position: event?.position.toString() ?? '',
    };
    this.subscription?.unsubscribe();
    this.queue.length = 0;
    this.o.onFailure?.(this.failure, error);
  }
}
