import type { Actor } from '#kernel';
import { CheckpointAheadOfLogError, CheckpointedConsumer } from '#consumers';
import type { EventStore, RecordedEvent } from '#event-store';
import { type DeadlineChange, DeadlineCheckpointStore } from './deadline.checkpoint.js';
import { type PendingDeadline, type ScheduleState, deadlineScheduler, toScheduleEvent } from './deadline.scheduler.js';

export interface DeadlineRunnerOptions {
  store: EventStore;
  /** SQLite file holding this runner's checkpoint and pending deadlines (created if missing). */
  checkpointPath: string;
  /** The injected clock: a deadline fires once clock() has passed its due time. */
  clock: () => Date;
  /** Name of the checkpoint row; runners sharing a file and a name share their progress. Default 'deadlines'. */
  consumer?: string;
  /**
   * Runs a due deadline's timeout (the application sends its ExpireProjectDeadline command through its command bus);
   * resolves with the number of events it wrote or found written (0: the deadline was moot).
   */
  expire: (deadline: PendingDeadline) => Promise<number>;
  /** Runs a due reminder's command (the application's RemindProjectDeadline); resolves like `expire`. Absent: no reminders. */
  remind?: (deadline: PendingDeadline) => Promise<number>;
  /** How often start() checks the clock, in real milliseconds. Default 1000; 0: only when tick() is called. */
  pollIntervalMs?: number;
  /** With a deadline: its timeout failed (retried on the next tick). Without: the runner stopped following the log. */
  onError?: (error: unknown, deadline?: PendingDeadline) => void;
}

export interface FiredDeadline {
  deadline: PendingDeadline;
  /** The timeout (default) or the reminder before it. */
  kind?: 'reminder';
  /** expired / reminded: the command ran (here or, idempotently, in another process); moot: nothing left to do. */
  outcome: 'expired' | 'reminded' | 'moot' | 'failed';
  error?: unknown;
}

export const DEADLINE_SCHEDULER_ACTOR: Actor = { id: 'deadline-scheduler', role: 'system', scope: {} };

/**
 * Follows the log as a handler on the one checkpointed consumer, keeping the pending deadlines (written with the checkpoint),
 * and runs each timeout command once its time has come.
 */
export class DeadlineRunner {
  private readonly checkpoints: DeadlineCheckpointStore;
  private readonly consumer: CheckpointedConsumer<DeadlineChange>;
  private state: ScheduleState;
  private timer?: NodeJS.Timeout;
  private ticking: Promise<FiredDeadline[]> = Promise.resolve([]);
  private closed = false;
  /** The checkpoint file is not this log's: its pending deadlines are not this log's either, and are never fired. */
  private foreignState = false;

  constructor(private readonly options: DeadlineRunnerOptions) {
    this.checkpoints = new DeadlineCheckpointStore(options.checkpointPath, options.consumer ?? 'deadlines');
    this.consumer = new CheckpointedConsumer({
      name: 'deadline runner',
      store: options.store,
      state: this.checkpoints,
      handler: { handle: (e) => this.follow(e) },
      onFailure: (_failure, error) => {
        this.foreignState = error instanceof CheckpointAheadOfLogError;
        this.options.onError?.(error);
      },
    });
    const pending = Object.fromEntries(this.checkpoints.pending().map((d) => [d.deadlineId, d]));
    this.state = { pending };
  }

  /** Subscribes from the checkpoint and checks the clock every pollIntervalMs. */
  start(): this {
    if (this.timer || this.closed) return this;
    this.consumer.start();
    const every = this.options.pollIntervalMs ?? 1000;
    if (every > 0) {
      this.timer = setInterval(() => void this.tick(), every);
      this.timer.unref();
    }
    return this;
  }

  /** Fires every deadline due at clock(); ticks never overlap. */
  tick(): Promise<FiredDeadline[]> {
    this.ticking = this.ticking.then(
      () => this.fireDue(),
      () => this.fireDue(),
    );
    return this.ticking;
  }

  pending(): PendingDeadline[] {
    return Object.values(this.state.pending);
  }

  checkpoint(): bigint {
    return this.consumer.checkpoint();
  }

  /** Resolves once every event in the log when called has been handled. */
  caughtUp(timeoutMs = 10_000): Promise<void> {
    return this.consumer.caughtUp(timeoutMs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking.catch(() => undefined);
    await this.consumer.close();
  }

  /** The fold of the pending deadlines; the change it made is written with the checkpoint (re-handling is idempotent). */
  private follow(recorded: RecordedEvent): DeadlineChange[] {
    const event = toScheduleEvent(recorded);
    const before = this.state;
    if (event) this.state = deadlineScheduler.evolve(this.state, event);
    // The fold makes a new object only for what it changed: a new deadline, or one now reminded.
    const added = Object.values(this.state.pending).filter((d) => before.pending[d.deadlineId] !== d);
    const removed = Object.keys(before.pending).filter((id) => !(id in this.state.pending));
    return [...added.map((d) => ({ added: d })), ...removed.map((id) => ({ removed: id }))];
  }

  private async fireDue(): Promise<FiredDeadline[]> {
    if (this.closed || this.foreignState) return [];
    this.consumer.saveCheckpoint();
    const due = deadlineScheduler.decide({ type: 'tick', now: this.options.clock() }, this.state);
    const fired: FiredDeadline[] = [];
    for (const event of due) {
      if (this.closed) break;
      if (event.type === 'deadline.due') fired.push(await this.fire(event.data));
      if (event.type === 'deadline.reminder_due' && this.options.remind) fired.push(await this.sendReminder(event.data));
    }
    return fired;
  }

  private async fire(deadline: PendingDeadline): Promise<FiredDeadline> {
    try {
      const written = await this.options.expire(deadline);
      this.forget(deadline.deadlineId);
      return { deadline, outcome: written > 0 ? 'expired' : 'moot' };
    } catch (error) {
      this.options.onError?.(error, deadline);
      return { deadline, outcome: 'failed', error };
    }
  }

  /** Once: marked reminded here too (the log's reminder event will say so as well), so a failed write is retried. */
  private async sendReminder(deadline: PendingDeadline): Promise<FiredDeadline> {
    try {
      const written = await this.options.remind!(deadline);
      const current = this.state.pending[deadline.deadlineId];
      if (current && !current.reminded) {
        const reminded = { ...current, reminded: true };
        this.state = { pending: { ...this.state.pending, [deadline.deadlineId]: reminded } };
        if (!this.closed) this.checkpoints.save(reminded);
      }
      return { deadline, kind: 'reminder', outcome: written > 0 ? 'reminded' : 'moot' };
    } catch (error) {
      this.options.onError?.(error, deadline);
      return { deadline, kind: 'reminder', outcome: 'failed', error };
    }
  }

  /** Done with (the log's expired event will say so too; forgetting twice is harmless). */
  private forget(deadlineId: string): void {
    if (!(deadlineId in this.state.pending)) return;
    const { [deadlineId]: _done, ...pending } = this.state.pending;
    this.state = { pending };
    if (!this.closed) this.checkpoints.forget(deadlineId);
  }
}
