import type { Database } from 'better-sqlite3';
import { CheckpointedConsumer } from '#consumers';
import type { EventStore, RecordedEvent } from '#event-store';
import { CheckpointStore } from './checkpoint.store.js';
import type { Projection } from './projection.js';
import { PositionWaiters } from './position-waiters.js';

export interface ProjectionStatus {
  name: string;
  state: 'catching_up' | 'live' | 'failed' | 'stopped';
  position: string;
  error?: string;
  /** Transactions committed (one per subscription burst) and events seen, since start. */
  batches?: number;
  events?: number;
}

export interface RunnerLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

interface Running {
  projection: Projection;
  handled: ReadonlySet<string>;
  position: number;
  state: ProjectionStatus['state'];
  error?: string;
  feed?: Feed;
  batches: number;
  events: number;
}

/** One subscription shared by the projections starting from the same position (read and decoded once). */
interface Feed {
  members: Running[];
  consumer?: CheckpointedConsumer<() => void>;
}

/** The store's catch-up page: a burst this size means more is coming. */
const BURST = 1000;

/**
 * Drives projections from the store's subscription (never from an in-memory bus), each feed a batch handler on the one
 * checkpointed consumer. Each projection has
 * its own checkpoint, written with its tables: a subscription burst is one commit, each projection
 * in its own savepoint. Projections starting from the same position share one
 * subscription (usually all of them: every batch moves each checkpoint to the burst's end).
 * A failing projection stops with its error visible; the others go on.
 * A blue-green rebuild (`rebuildProjections`, maybe in another process) may move a checkpoint
 * forward under the runner: each batch re-reads it and skips what the rebuilt tables already hold.
 */
export class ProjectionRunner {
  private readonly running = new Map<string, Running>();
  private readonly checkpoints: CheckpointStore;
  readonly waiters = new PositionWaiters(() => this.lowestPosition());

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    private readonly projections: readonly Projection[],
    private readonly logger: RunnerLogger,
  ) {
    this.checkpoints = new CheckpointStore(db);
  }

  start(): void {
    const feeds = new Map<number, Feed>();
    for (const projection of this.projections) {
      const r = this.prepare(projection);
      let feed = feeds.get(r.position);
      if (!feed) feeds.set(r.position, (feed = { members: [] }));
      feed.members.push(r);
      r.feed = feed;
    }
    for (const [position, feed] of feeds) this.subscribe(feed, position);
  }

  stop(): void {
    for (const r of this.running.values()) {
      void r.feed?.consumer?.close();
      if (r.state !== 'failed') r.state = 'stopped';
    }
    this.waiters.rejectAll(new Error('projection runner stopped'));
  }

  status(): ProjectionStatus[] {
    return [...this.running.values()].map((r) => ({
      name: r.projection.name,
      state: r.state,
      position: String(r.position),
      ...(r.error ? { error: r.error } : {}),
      batches: r.batches,
      events: r.events,
    }));
  }

  /** The position every healthy projection has reached (what a snapshot of the read models reflects). */
  position(): bigint {
    return BigInt(this.lowestPosition());
  }

  /** Resolves once every projection has handled the event at `position` (read-your-writes). */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.waiters.waitFor(Number(position), timeoutMs);
  }

  private prepare(projection: Projection): Running {
    const saved = this.checkpoints.read(projection.name);
    const fresh = !saved || saved.version !== projection.version;
    if (fresh) this.resetTables(projection);
    projection.setup(this.db, '');
    const r: Running = {
      projection,
      handled: new Set(projection.handles),
      position: fresh ? 0 : saved.position,
      state: 'catching_up',
      batches: 0,
      events: 0,
    };
    this.running.set(projection.name, r);
    return r;
  }

  private subscribe(feed: Feed, position: number): void {
    // The feed's state is the read-model database, which the application owns: the consumer runs writes in its transactions.
    const state = {
      checkpoint: () => BigInt(position),
      commit: (_position: bigint, writes: readonly (() => void)[]) => this.db.transaction(() => writes.forEach((w) => w()))(),
      close: () => {},
    };
    let applied: { r: Running; position: number }[] = [];
    feed.consumer = new CheckpointedConsumer<() => void>({
      name: `projections from ${position}`,
      store: this.store,
      state,
      handler: {
        // One commit per burst for all projections; each applies in its own savepoint (a nested transaction),
        // so a failing one is rolled back alone and the others still commit.
        handleBatch: (batch) => {
          const members = feed.members.filter((r) => r.state !== 'failed' && r.state !== 'stopped');
          return [() => (applied = members.flatMap((r) => this.applyBatch(r, batch)))];
        },
        committed: (_position, batch) => this.committed(feed, applied, batch),
      },
      onFailure: (failure, error) => {
        for (const r of feed.members) if (r.state !== 'failed') this.fail(r, error, failure.position);
      },
    });
    feed.consumer.start();
    this.checkLive(feed);
  }

  /** A catch-up ending on a full burst (or an empty log) sends no short burst to say so: ask the head. */
  private checkLive(feed: Feed): void {
    this.store.headPosition().then(
      (head) => {
        for (const r of feed.members) if (r.state === 'catching_up' && r.position >= Number(head)) this.goLive(r);
      },
      () => {},
    );
  }

  private goLive(r: Running): void {
    r.state = 'live';
    this.logger.info({ projection: r.projection.name, position: r.position }, 'projection caught up, live');
  }

  private committed(feed: Feed, applied: { r: Running; position: number }[], batch: readonly RecordedEvent[]): void {
    for (const { r, position } of applied) {
      r.position = position;
      r.batches += 1;
      r.events += batch.length;
    }
    let catchingUp = false;
    for (const { r } of applied) {
      if (r.state !== 'catching_up') continue;
      if (batch.length < BURST) this.goLive(r);
      else catchingUp = true;
    }
    if (catchingUp) this.checkLive(feed);
    this.waiters.check();
  }

  /** Applies a burst to one projection in its savepoint; its new position, or nothing when it failed (rolled back alone). */
  private applyBatch(r: Running, batch: readonly RecordedEvent[]): { r: Running; position: number }[] {
    const { projection, handled } = r;
    const last = Number(batch[batch.length - 1]!.position);
    let position = r.position;
    try {
      this.db.transaction(() => {
        position = Math.max(position, this.checkpoints.read(projection.name)?.position ?? 0);
        for (const event of batch) {
          if (Number(event.position) > position && handled.has(event.type)) projection.apply(this.db, event, '');
        }
        projection.endBatch?.(this.db, '');
        position = Math.max(position, last);
        this.checkpoints.write(projection.name, projection.version, position);
      })();
    } catch (error) {
      projection.abortBatch?.(this.db, '');
      this.fail(r, error, String(batch[0]!.position));
      return [];
    }
    return [{ r, position }];
  }

  private fail(r: Running, error: unknown, nearPosition?: string): void {
    r.state = 'failed';
    r.error = `${(error as Error).message ?? String(error)}${nearPosition ? ` (batch from position ${nearPosition})` : ''}`;
    if (r.feed?.members.every((m) => m.state === 'failed' || m.state === 'stopped')) void r.feed.consumer?.close();
    this.logger.error({ projection: r.projection.name, err: r.error }, 'projection failed and stopped');
    this.waiters.check();
  }

  private resetTables(projection: Projection): void {
    this.db.transaction(() => {
      for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
    })();
  }

  private lowestPosition(): number {
    let min = Number.MAX_SAFE_INTEGER;
    for (const r of this.running.values()) if (r.state !== 'failed') min = Math.min(min, r.position);
    return min === Number.MAX_SAFE_INTEGER ? 0 : min;
  }
}
