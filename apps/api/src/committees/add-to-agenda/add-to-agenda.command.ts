import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

/** The secretariat puts a project on a session's agenda. */
export class AddToCommitteeAgenda extends Command<Written> {
  constructor(
    readonly sessionId: string,
    readonly projectId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
