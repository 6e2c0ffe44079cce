import { Command } from '@nestjs/cqrs';
import type { VoteChoice } from '#committees';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

/** A seated member votes on an item, for themselves (the principal is the voter). */
export class CastCommitteeVote extends Command<Written> {
  constructor(
    readonly sessionId: string,
    readonly projectId: string,
    readonly vote: VoteChoice,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
