import { Command } from '@nestjs/cqrs';
import type { Minutes } from '#committees';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

/** The secretariat records the session's minutes: a text, or the reference of the signed document. */
export class RecordCommitteeMinutes extends Command<Written> {
  constructor(
    readonly sessionId: string,
    readonly minutes: Minutes,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
