import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { ProjectWritten } from '../project-written.js';

/**
 * The deadline process runs a due deadline's timeout. `dueAt` is the decision's time (not the firing time): every
 * replica decides the same events, and the deadline id as idempotency key makes them write them once.
 */
export class ExpireProjectDeadline extends Command<ProjectWritten> {
  constructor(
    readonly projectId: string,
    readonly deadlineId: string,
    readonly dueAt: Date,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
