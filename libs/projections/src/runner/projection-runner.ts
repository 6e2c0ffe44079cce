import type { Database } from 'better-sqlite3';
import type { Subscription } from 'rxjs';
import type { EventStore, RecordedEvent } from '#event-store';
import { CheckpointStore } from './checkpoint.store.js';
import type { Projection } from './projection.js';
import { PositionWaiters } from './position-waiters.js';

export interface ProjectionStatus {
  name: string;
  state: 'catching_up' | 'live' | 'failed' | 'stopped';
  position: string;
  error?: string;
}

export interface RunnerLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

interface Running {
  projection: Projection;
  position: number;
  state: ProjectionStatus['state'];
  error?: string;
  subscription?: Subscription;
  buffer: RecordedEvent[];
}

/**
 * Drives projections from the store's subscription (never from an in-memory bus). Each has
 * its own checkpoint; the events of one subscription burst are applied in one transaction
 * with the checkpoint. A failing projection stops with its error visible; the others go on.
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
    for (const projection of this.projections) this.startOne(projection);
  }

  stop(): void {
    for (const r of this.running.values()) {
      r.subscription?.unsubscribe();
      if (r.state !== 'failed') r.state = 'stopped';
    }
    this.waiters.rejectAll(new Error('projection runner stopped'));
  }

  status(): ProjectionStatus[] {
    return [...this.running.values()].map((r) => ({
      name: r.projection.name, state: r.state, position: String(r.position), ...(r.error ? { error: r.error } : {}),
    }));
  }

  /** Resolves once every projection has handled the event at `position` (read-your-writes). */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.waiters.waitFor(Number(position), timeoutMs);
  }

  private startOne(projection: Projection): void {
    const saved = this.checkpoints.read(projection.name);
    const fresh = !saved || saved.version !== projection.version;
    if (fresh) this.resetTables(projection);
    projection.setup(this.db, '');
    const r: Running = { projection, position: fresh ? 0 : saved.position, state: 'catching_up', buffer: [] };
    this.running.set(projection.name, r);
    const handled = new Set(projection.handles);
    r.subscription = this.store.subscribeToAll({ fromPosition: BigInt(r.position) }).subscribe({
      next: (event) => {
        if (r.buffer.push(event) === 1) queueMicrotask(() => this.flush(r, handled));
      },
      error: (error) => this.fail(r, error),
    });
  }

  private flush(r: Running, handled: Set<string>): void {
    const batch = r.buffer;
    r.buffer = [];
    if (r.state === 'failed' || batch.length === 0) return;
    const { projection } = r;
    const last = Number(batch[batch.length - 1]!.position);
    try {
      this.db.transaction(() => {
        for (const event of batch) if (handled.has(event.type)) projection.apply(this.db, event, '');
        this.checkpoints.write(projection.name, projection.version, last);
      })();
    } catch (error) {
      this.fail(r, error, batch[0]);
      return;
    }
    r.position = last;
    if (r.state === 'catching_up' && batch.length < 1000) r.state = 'live';
    this.waiters.check();
  }

  private fail(r: Running, error: unknown, near?: RecordedEvent): void {
    r.state = 'failed';
    r.error = `${(error as Error).message ?? String(error)}${near ? ` (batch from position ${near.position})` : ''}`;
    r.subscription?.unsubscribe();
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
    return this.running.size === 0 ? 0 : min;
  }
}
