import type { Actor } from '#kernel';
import { CheckpointedConsumer, type ConsumerFailure } from '#consumers';
import { type EventStore, type RecordedEvent, foldRecorded } from '#event-store';
import { awardActDecider } from '#awards';
import type { ReportDeadlineCommands } from './report-deadline.port.js';
import { REPORT_DEADLINE_TRIGGERS, reportDeadlineRequestId, reportDeadlineStep } from './report-deadline.process.js';
import { type ReportDeadlineRecord, ReportDeadlineProcessStore } from './report-deadline.store.js';

/** The process acts as this actor: role 'system', national; no token carries it. */
export const REPORT_DEADLINE_PROCESS_ACTOR: Actor = { id: 'report-deadline-process', role: 'system', scope: {} };

export interface ReportDeadlineRunnerOptions {
  store: EventStore;
  commands: ReportDeadlineCommands;
  /** SQLite file holding the checkpoint and the last step per project (created if missing; may be shared with other processes). */
  checkpointPath: string;
  /** Name of the checkpoint; default 'report_deadline'. */
  consumer?: string;
  logger?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * The report deadline process, a handler on the one checkpointed consumer: for each award act event it folds the act as it
 * stood at that event (a re-run decides the same), and sends the step `reportDeadlineStep` decides to the project, with a
 * request id derived from the event (a re-run writes nothing new). What it did is written with the checkpoint; an
 * unexpected error stops it there (state 'failed', shown by GET /health), and a restart resumes at that event.
 */
export class ReportDeadlineProcessRunner {
  private readonly db: ReportDeadlineProcessStore;
  private readonly consumer: CheckpointedConsumer<ReportDeadlineRecord>;

  constructor(private readonly options: ReportDeadlineRunnerOptions) {
    this.db = new ReportDeadlineProcessStore(options.checkpointPath, options.consumer ?? 'report_deadline');
    this.consumer = new CheckpointedConsumer({
      name: 'report deadline process',
      store: options.store,
      state: this.db,
      handler: { handle: (e) => this.handle(e) },
      onFailure: (failure, error) => {
        const err = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.options.logger?.error({ err, ...failure }, 'report deadline process failed: stopped');
      },
    });
  }

  start(): this {
    this.consumer.start();
    return this;
  }

  status(): { name: 'report_deadline'; state: string; position: string; error?: ConsumerFailure } {
    const { name: _name, ...status } = this.consumer.status();
    return { name: 'report_deadline', ...status };
  }

  checkpoint(): bigint {
    return this.consumer.checkpoint();
  }

  /** The last step it ran for a project (undefined: none yet). */
  record(projectId: string): ReportDeadlineRecord | undefined {
    return this.db.record(projectId);
  }

  caughtUp(timeoutMs = 10_000): Promise<void> {
    return this.consumer.caughtUp(timeoutMs);
  }

  close(): Promise<void> {
    return this.consumer.close();
  }

  private async handle(event: RecordedEvent): Promise<ReportDeadlineRecord[]> {
    if (!REPORT_DEADLINE_TRIGGERS.includes(event.type)) return [];
    const at = typeof event.metadata['occurredAt'] === 'string' ? event.metadata['occurredAt'] : event.recordedAt.toISOString();
    const upToIt = (await this.options.store.readStream(event.streamId)).filter((e) => e.revision <= event.revision);
    const step = reportDeadlineStep({ ...event, at }, foldRecorded(awardActDecider, upToIt).act);
    if (!step) return [];
    const request = { requestId: reportDeadlineRequestId(step), at: new Date(at), triggerId: step.triggerId };
    const written =
      step.kind === 'open'
        ? await this.options.commands.openReportDeadline(step.projectId, step.actId, step.reportDueOn, request)
        : await this.options.commands.cancelReportDeadline(step.projectId, step.actId, request);
    const record: ReportDeadlineRecord = {
      projectId: step.projectId,
      actId: step.actId,
      kind: step.kind,
      reportDueOn: step.kind === 'open' ? step.reportDueOn : null,
      written,
      at,
    };
    this.options.logger?.info({ ...record, position: event.position.toString() }, 'report deadline process: step run');
    return [record];
  }
}
