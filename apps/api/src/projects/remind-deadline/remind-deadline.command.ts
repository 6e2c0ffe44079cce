import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { ProjectWritten } from '../project-written.js';

/**
 * The deadline process reminds the holder that a deadline lapses soon. `remindAt` is the decision's time (not the
 * firing time): every replica decides the same event, and its idempotency key makes them write it once.
 */
export class RemindProjectDeadline extends Command<ProjectWritten> {
  constructor(
    readonly projectId: string,
    readonly deadlineId: string,
    readonly remindAt: Date,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
