import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionCommandRunner } from '../session-command.runner.js';
import type { Written } from '../session-written.js';
import { PostponeCommitteeItem } from './postpone-item.command.js';

@CommandHandler(PostponeCommitteeItem)
export class PostponeCommitteeItemHandler implements ICommandHandler<PostponeCommitteeItem> {
  constructor(@Inject(SessionCommandRunner) private readonly sessions: SessionCommandRunner) {}

  execute({ sessionId, projectId, reason, meta }: PostponeCommitteeItem): Promise<Written> {
    return this.sessions.run(sessionId, 'committee.postpone_item', { projectId, reason }, meta, (ctx) => ({
      type: 'PostponeItem',
      sessionId,
      projectId,
      reason,
      ctx,
    }));
  }
}
