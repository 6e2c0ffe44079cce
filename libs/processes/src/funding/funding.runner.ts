import type { Subscription } from 'rxjs';
import type { EventStore, RecordedEvent } from '#event-store';
import { exerciseYearOf } from './funding.matching.js';
import { type FundingRecord, fundingReaction } from './funding.process.js';
import { DEFAULT_SCHEDULE, type PaymentSchedule } from './funding.schedule.js';
import { FundingProcessStore } from './funding.store.js';
import { FundingSteps } from './funding.steps.js';

/** The few logger methods the runner uses (pino's Logger fits). */
const UNSAVED_EVENTS_MAX = 500;

export interface FundingLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface FundingRunnerOptions {
  store: EventStore;
  /** SQLite file holding the checkpoint and the projects' funding records (created if missing). */
  checkpointPath: string;
  /** Name of the checkpoint; default 'funding'. */
  consumer?: string;
  schedule?: PaymentSchedule;
  logger?: FundingLogger;
}

export interface FundingProcessStatus {
  name: 'funding';
  state: 'idle' | 'running' | 'failed' | 'stopped';
  /** The position of the last log event handled. */
  position: string;
  /** Set when state is 'failed': the event it could not handle and why; the process stopped there. */
  error?: { message: string; eventId: string; eventType: string; streamId: string; position: string };
}

/**
 * The funding process: follows the log from its checkpoint, one event at a time, and runs the steps
 * `fundingReaction` decides. The checkpoint moves only once an event's steps are done, in the same transaction
 * as the records they changed; a crash re-handles that event, whose steps write nothing twice. An unexpected
 * error stops the process (state 'failed', logged, shown by GET /health); restarting resumes at the same event.
 */
export class FundingProcessRunner {
  private readonly db: FundingProcessStore;
  private readonly steps: FundingSteps;
  private position: bigint;
  /** Events handled that changed nothing, since the checkpoint was last written. */
  private unsaved = 0;
  private state: FundingProcessStatus['state'] = 'idle';
  private failure?: FundingProcessStatus['error'];
  private subscription?: Subscription;
  private readonly queue: RecordedEvent[] = [];
  private draining?: Promise<void>;

  constructor(private readonly options: FundingRunnerOptions) {
    this.db = new FundingProcessStore(options.checkpointPath, options.consumer ?? 'funding');
    this.steps = new FundingSteps(options.store, options.schedule ?? DEFAULT_SCHEDULE);
    this.position = this.db.checkpoint();
  }

  start(): this {
    if (this.subscription || this.state !== 'idle') return this;
    this.state = 'running';
    this.subscription = this.options.store.subscribeToAll({ fromPosition: this.position }).subscribe({
      next: (e) => this.enqueue(e),
      error: (error) => this.fail(error),
    });
    return this;
  }

  status(): FundingProcessStatus {
    return { name: 'funding', state: this.state, position: this.position.toString(), ...(this.failure ? { error: this.failure } : {}) };
  }

  checkpoint(): bigint {
    return this.position;
  }

  /** What the process knows of a project's funding (undefined: never validated, or not handled yet). */
  record(projectId: string): FundingRecord | undefined {
    return this.db.record(projectId);
  }

  /** Resolves once every event in the log when called is handled; rejects if the process fails or times out. */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const head = await this.options.store.headPosition();
    const started = performance.now();
    while (this.position < head) {
      if (this.state === 'failed') throw new Error(`funding process failed: ${this.failure?.message}`);
      if (performance.now() - started > timeoutMs) throw new Error(`funding process stuck at ${this.position}, head ${head}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async close(): Promise<void> {
    if (this.state === 'stopped') return;
    if (this.state !== 'failed') this.state = 'stopped';
    this.subscription?.unsubscribe();
    this.queue.length = 0;
    await this.draining;
    if (this.unsaved > 0) this.db.handled(this.position, []);
    this.db.close();
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
        await this.handle(event);
      } catch (error) {
        this.fail(error, event);
      }
    }
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const at = typeof event.metadata['occurredAt'] === 'string' ? event.metadata['occurredAt'] : event.recordedAt.toISOString();
    const handling = { position: event.position, at };
    const projectId = /^project-(.+)$/.exec(event.streamId)?.[1];
    const record = projectId ? this.db.record(projectId) : undefined;
    const reaction = fundingReaction({ ...event, at }, record, exerciseYearOf);
    const changed: FundingRecord[] = [];
    if (reaction.step) {
      const next = await this.steps.run(reaction.step, record, handling);
      if (next) changed.push(next);
    }
    for (const waiting of reaction.retryEnvelope ? this.db.pendingOn(reaction.retryEnvelope) : []) {
      changed.push((await this.steps.run(waiting.pending!.step, waiting, handling)) ?? waiting);
    }
    if (this.state !== 'running') return; // closed meanwhile: the event is handled again on the next start
    // Most events concern no funding: their checkpoint is written in batches (re-handling them after a
    // crash does nothing), so the process does not add a transaction to every command of the API.
    if (changed.length === 0 && ++this.unsaved < UNSAVED_EVENTS_MAX) {
      this.position = event.position;
      return;
    }
    this.db.handled(event.position, changed);
    this.unsaved = 0;
    this.position = event.position;
    for (const r of changed) {
      this.options.logger?.info(
        {
          projectId: r.projectId,
          envelopeId: r.envelopeId,
          status: r.status,
          pending: r.pending?.code ?? null,
          position: event.position.toString(),
        },
        'funding process: project funding updated',
      );
    }
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
    this.options.logger?.error(
      { err: error instanceof Error ? (error.stack ?? error.message) : String(error), ...this.failure },
      'funding process failed: stopped',
    );
  }
}
