import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

/** The secretariat closes the session: every item decided or postponed, the minutes recorded; nothing changes after. */
export class CloseCommitteeSession extends Command<Written> {
  constructor(
    readonly sessionId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
