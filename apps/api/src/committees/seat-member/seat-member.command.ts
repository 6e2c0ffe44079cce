import { Command } from '@nestjs/cqrs';
import type { MemberCapacity } from '#committees';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

/** The secretariat seats a member in a session, in a capacity. */
export class SeatCommitteeMember extends Command<Written> {
  constructor(
    readonly sessionId: string,
    readonly member: { personId: string; capacity: MemberCapacity },
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
