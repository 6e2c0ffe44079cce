import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { ProjectWritten } from '../project-written.js';

/**
 * The report deadline process opens (or moves) the project's compte rendu financier deadline on the award act's day.
 * `at` is the triggering event's time: a re-run decides the same events, and the Idempotency-Key writes them once.
 */
export class OpenProjectReportDeadline extends Command<ProjectWritten> {
  constructor(
    readonly projectId: string,
    readonly actId: string,
    readonly reportDueOn: string,
    readonly at: Date,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
