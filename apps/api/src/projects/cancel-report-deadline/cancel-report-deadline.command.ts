import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { ProjectWritten } from '../project-written.js';

/** The report deadline process lifts the deadline of a cancelled act. */
export class CancelProjectReportDeadline extends Command<ProjectWritten> {
  constructor(
    readonly projectId: string,
    readonly actId: string,
    readonly at: Date,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
