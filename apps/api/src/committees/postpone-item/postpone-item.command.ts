import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

/** The secretariat postpones an item to a later session: the session may then close without a proposal on it. */
export class PostponeCommitteeItem extends Command<Written> {
  constructor(
    readonly sessionId: string,
    readonly projectId: string,
    readonly reason: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
