import { Command } from '@nestjs/cqrs';
import type { LinkNature } from '#committees';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

/**
 * A person withdraws a link that no longer holds. Abstentions already recorded in sessions stay: they were facts then.
 */
export class WithdrawInterestLink extends Command<Written> {
  constructor(
    readonly personId: string,
    readonly link: { organisationId: string; nature: LinkNature },
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
