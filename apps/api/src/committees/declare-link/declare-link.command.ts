import { Command } from '@nestjs/cqrs';
import type { LinkNature } from '#committees';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

export interface LinkInput {
  organisationId: string;
  nature: LinkNature;
  description?: string;
}

/** A person (a member, a decider) declares a link to an organisation. */
export class DeclareInterestLink extends Command<Written> {
  constructor(
    readonly personId: string,
    readonly link: LinkInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
