import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '#event-store';
import { CommandBus } from '@nestjs/cqrs';
import { DEADLINE_SCHEDULER_ACTOR, DeadlineRunner, type FiredDeadline, type PendingDeadline } from '#processes';
import type { AppConfig } from '../../config/app.config.js';
import { APP_CONFIG, CLOCK, type Clock, LOGGER } from '../../infrastructure/tokens.js';
import { ExpireProjectDeadline } from '../../projects/expire-deadline/expire-deadline.command.js';
import { RemindProjectDeadline } from '../../projects/remind-deadline/remind-deadline.command.js';

/** How often the API checks the (injected) clock for due deadlines, in real milliseconds. */
export const DEADLINE_POLL_MS = 1000;

export interface DeadlinesStatus {
  state: 'starting' | 'running' | 'failed' | 'stopped';
  /** The last log position the runner handled. */
  position: string;
  pending: number;
  nextDueAt: string | null;
  lastTickAt: string | null;
  expired: number;
  reminded: number;
  failures: number;
  lastError: string | null;
  checkpointFile: string;
}

/**
 * The deadline process inside the API: follows the log from its checkpoint (`<DATA_DIR>/processes-<REPLICA_ID>.sqlite`),
 * and runs each timeout command once the injected clock has passed its due time. Timeouts append events with ids
 * derived from the deadline id, so replicas (or a restarted process) firing the same deadline write it once.
 */
@Injectable()
export class DeadlinesService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly checkpointFile: string;
  private readonly runner: DeadlineRunner;
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private state: DeadlinesStatus['state'] = 'starting';
  private lastTickAt: Date | null = null;
  private expired = 0;
  private reminded = 0;
  private failures = 0;
  private lastError: string | null = null;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) logger: Logger,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {
    this.logger = logger.child({ component: 'deadlines' });
    mkdirSync(config.dataDir, { recursive: true });
    this.checkpointFile = join(config.dataDir, `processes-${config.replicaId}.sqlite`);
    this.runner = new DeadlineRunner({
      store,
      checkpointPath: this.checkpointFile,
      clock: () => this.clock.now(),
      pollIntervalMs: 0,
      onError: (error, deadline) => this.failed(error, deadline),
      expire: (deadline) => this.expire(deadline),
      remind: (deadline) => this.remind(deadline),
    });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
    this.state = 'running';
    this.timer = setInterval(() => {
      this.runTick().catch((error: unknown) => this.failed(error, undefined, false));
    }, DEADLINE_POLL_MS);
    this.timer.unref();
    this.logger.info(
      { checkpoint: this.checkpointFile, position: this.runner.checkpoint().toString(), pending: this.runner.pending().length },
      'deadline runner started',
    );
  }

  /** Stops before the store closes (Nest runs this hook before onApplicationShutdown); waits for a tick in progress. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.runner.close();
    if (this.state !== 'failed') this.state = 'stopped';
    this.logger.info('deadline runner stopped');
  }

  /** On demand (tests, admin): handles the log up to its current head, then fires what is due now. */
  async tick(): Promise<FiredDeadline[]> {
    await this.runner.caughtUp();
    return this.runTick();
  }

  pending(): PendingDeadline[] {
    return this.runner.pending();
  }

  status(): DeadlinesStatus {
    const due = this.runner
      .pending()
      .map((d) => d.dueAt)
      .sort();
    return {
      state: this.state,
      position: this.runner.checkpoint().toString(),
      pending: due.length,
      nextDueAt: due[0] ?? null,
      lastTickAt: this.lastTickAt?.toISOString() ?? null,
      expired: this.expired,
      reminded: this.reminded,
      failures: this.failures,
      lastError: this.lastError,
      checkpointFile: this.checkpointFile,
    };
  }

  private async runTick(): Promise<FiredDeadline[]> {
    // Still fires the deadlines it knows after losing the log ('failed'), unless they are another log's; not once stopped.
    if (this.state === 'starting' || this.state === 'stopped') return [];
    const fired = await this.runner.tick();
    this.lastTickAt = this.clock.now();
    for (const f of fired) {
      if (f.outcome === 'reminded') {
        this.reminded++;
        this.logger.info({ deadlineId: f.deadline.deadlineId, projectId: f.deadline.projectId }, 'deadline reminder recorded');
      }
      if (f.outcome === 'expired') {
        this.expired++;
        this.logger.info(
          { deadlineId: f.deadline.deadlineId, projectId: f.deadline.projectId, dueAt: f.deadline.dueAt },
          'deadline expired: timeout run',
        );
      }
    }
    return fired;
  }

  /** The timeout, as a command like any other: the deadline id is its idempotency key, so replicas write it once. */
  private async expire(d: PendingDeadline): Promise<number> {
    const meta = {
      principal: DEADLINE_SCHEDULER_ACTOR,
      idempotencyKey: d.deadlineId,
      correlationId: d.deadlineId,
      causationId: `deadline:${d.deadlineId}`,
    };
    const written = await this.commands.execute(new ExpireProjectDeadline(d.projectId, d.deadlineId, new Date(d.dueAt), meta));
    return written.events.length;
  }

  /** The reminder, as a command like any other; its own idempotency key (not the timeout's), so it too is written once. */
  private async remind(d: PendingDeadline): Promise<number> {
    const key = `${d.deadlineId}/reminder`;
    const meta = { principal: DEADLINE_SCHEDULER_ACTOR, idempotencyKey: key, correlationId: d.deadlineId, causationId: `deadline:${key}` };
    const written = await this.commands.execute(new RemindProjectDeadline(d.projectId, d.deadlineId, new Date(d.remindAt!), meta));
    return written.events.length;
  }

  /** A timeout that failed, or a tick that failed, is retried on the next tick; losing the log is fatal. */
  private failed(error: unknown, deadline?: PendingDeadline, fatal = deadline === undefined): void {
    this.failures++;
    this.lastError = error instanceof Error ? error.message : String(error);
    if (deadline) {
      this.logger.error(
        { err: this.lastError, deadlineId: deadline.deadlineId, projectId: deadline.projectId },
        'deadline timeout failed; will retry',
      );
    } else if (!fatal) {
      this.logger.error({ err: this.lastError }, 'deadline tick failed; will retry');
    } else {
      // The subscription ended, or never started (a checkpoint past the log's head): no new deadline is seen until a restart.
      this.state = 'failed';
      this.logger.error({ err: this.lastError }, 'deadline runner stopped following the log');
    }
  }
}
