import { CheckpointedConsumer, type ConsumerFailure } from '#consumers';
import type { EventStore, RecordedEvent } from '#event-store';
import { type FundingRecord, fundingReaction } from './funding.process.js';
import { FundingProcessStore } from './funding.store.js';
import type { FundingCommands } from './funding.port.js';
import { FundingSteps } from './funding.steps.js';

/** The few logger methods the runner uses (pino's Logger fits). */
export interface FundingLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface FundingRunnerOptions {
  store: EventStore;
  /** The commands the process sends, run by the application (through its CommandBus). */
  commands: FundingCommands;
  /** SQLite file holding the checkpoint and the projects' funding records (created if missing). */
  checkpointPath: string;
  /** Name of the checkpoint; default 'funding'. */
  consumer?: string;
  logger?: FundingLogger;
}

export interface FundingProcessStatus {
  name: 'funding';
  state: 'idle' | 'running' | 'failed' | 'stopped';
  /** The position of the last log event handled. */
  position: string;
  /** Set when state is 'failed': the event it could not handle and why; the process stopped there. */
  error?: ConsumerFailure;
}

/**
 * The funding process, a handler on the one checkpointed consumer: for each log event it runs the steps `fundingReaction`
 * decides, and the records they changed are written with the checkpoint. A crash re-handles that event, whose steps write
 * nothing twice. An unexpected error stops the process (state 'failed', logged, shown by GET /health).
 */
export class FundingProcessRunner {
  private readonly db: FundingProcessStore;
  private readonly steps: FundingSteps;
  private readonly consumer: CheckpointedConsumer<FundingRecord>;

  constructor(private readonly options: FundingRunnerOptions) {
    this.db = new FundingProcessStore(options.checkpointPath, options.consumer ?? 'funding');
    this.steps = new FundingSteps(options.store, options.commands);
    this.consumer = new CheckpointedConsumer({
      name: 'funding process',
      store: options.store,
      state: this.db,
      handler: { handle: (e) => this.handle(e) },
      onFailure: (failure, error) => {
        const err = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.options.logger?.error({ err, ...failure }, 'funding process failed: stopped');
      },
    });
  }

  start(): this {
    this.consumer.start();
    return this;
  }

  status(): FundingProcessStatus {
    const { name: _name, ...status } = this.consumer.status();
    return { name: 'funding', ...status };
  }

  checkpoint(): bigint {
    return this.consumer.checkpoint();
  }

  /** What the process knows of a project's funding (undefined: no EJ recorded for it, or not handled yet). */
  record(projectId: string): FundingRecord | undefined {
    return this.db.record(projectId);
  }

  caughtUp(timeoutMs = 10_000): Promise<void> {
    return this.consumer.caughtUp(timeoutMs);
  }

  close(): Promise<void> {
    return this.consumer.close();
  }

  private async handle(event: RecordedEvent): Promise<FundingRecord[]> {
    const at = typeof event.metadata['occurredAt'] === 'string' ? event.metadata['occurredAt'] : event.recordedAt.toISOString();
    const step = fundingReaction({ ...event, at });
    if (!step) return [];
    const next = await this.steps.run(step, this.db.record(step.projectId), { position: event.position, at });
    if (!next) return [];
    const facts = { projectId: next.projectId, envelopeId: next.envelopeId, status: next.status, note: next.note };
    this.options.logger?.info({ ...facts, position: event.position.toString() }, 'funding process: project funding updated');
    return [next];
  }
}
