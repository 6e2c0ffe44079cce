import type { Subscription } from 'rxjs';
import type { EventStore, RecordedEvent } from '#event-store';

/** A consumer's durable state, in its own database: the checkpoint, and whatever its handler keeps. */
export interface ConsumerState<Write> {
  /** The position of the last event handled, as the database holds it (0n: none). */
  checkpoint(): bigint;
  /** Writes what handling events changed and moves the checkpoint to `position`, in one transaction. */
  commit(position: bigint, writes: readonly Write[]): void;
  close(): void;
}

/** Handles one event: may do async work (send commands), then says what changed, to be written with the checkpoint. */
export interface EventHandler<Write> {
  handle(event: RecordedEvent): readonly Write[] | undefined | Promise<readonly Write[] | undefined>;
}

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

  constructor(private readonly o: ConsumerOptions<Write>) {
    this.position = o.state.checkpoint();
  }

  start(): this {
    if (this.subscription || this.state !== 'idle') return this;
    this.state = 'running';
    this.subscription = this.o.store.subscribeToAll({ fromPosition: this.position }).subscribe({
      next: (e) => this.enqueue(e),
      error: (error) => this.fail(error),
    });
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
    const head = await this.o.store.headPosition();
    const started = performance.now();
    while (this.position < head) {
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
    this.subscription?.unsubscribe();
    this.queue.length = 0;
    await this.draining;
    if (this.unsaved > 0) this.o.state.commit(this.position, []);
    this.o.state.close();
  }

  private enqueue(event: RecordedEvent): void {
    if (this.state !== 'running') return;
    this.queue.push(event);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  private async drain(): Promise<void> {
    while (this.state === 'running' && this.queue.length > 0) {
      const event = this.queue.shift()!;
      if (event.position <= this.position) continue;
      try {
        const writes = await this.o.handler.handle(event);
        if (this.state !== 'running') return; // closed meanwhile: the event is handled again on the next start
        this.moveTo(event.position, writes ?? []);
      } catch (error) {
        this.fail(error, event);
      }
    }
  }

  private moveTo(position: bigint, writes: readonly Write[]): void {
    if (writes.length === 0 && ++this.unsaved < (this.o.unsavedMax ?? 500)) {
      this.position = position;
      return;
    }
    this.o.state.commit(position, writes);
    this.unsaved = 0;
    this.position = position;
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
