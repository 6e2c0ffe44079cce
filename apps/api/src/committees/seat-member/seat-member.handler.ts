import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionCommandRunner } from '../session-command.runner.js';
import type { Written } from '../session-written.js';
import { SeatCommitteeMember } from './seat-member.command.js';

@CommandHandler(SeatCommitteeMember)
export class SeatCommitteeMemberHandler implements ICommandHandler<SeatCommitteeMember> {
  constructor(@Inject(SessionCommandRunner) private readonly sessions: SessionCommandRunner) {}

  /** The new member's links are read too: items already on the agenda get their abstention. */
  execute({ sessionId, member, meta }: SeatCommitteeMember): Promise<Written> {
    return this.sessions.run(
      sessionId,
      'committee.seat_member',
      member,
      meta,
      (ctx, interests) => ({ type: 'SeatMember', sessionId, ...member, interests, ctx }),
      [member.personId],
    );
  }
}
