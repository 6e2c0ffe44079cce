import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionCommandRunner } from '../session-command.runner.js';
import type { Written } from '../session-written.js';
import { CastCommitteeVote } from './cast-vote.command.js';

@CommandHandler(CastCommitteeVote)
export class CastCommitteeVoteHandler implements ICommandHandler<CastCommitteeVote> {
  constructor(@Inject(SessionCommandRunner) private readonly sessions: SessionCommandRunner) {}

  /** The voter's links are read now: one declared since the item was added refuses the vote too. */
  execute({ sessionId, projectId, vote, meta }: CastCommitteeVote): Promise<Written> {
    return this.sessions.run(
      sessionId,
      'committee.cast_vote',
      { projectId, vote },
      meta,
      (ctx, interests) => ({ type: 'CastVote', sessionId, projectId, vote, interests, ctx }),
      [meta.principal.id],
    );
  }
}
