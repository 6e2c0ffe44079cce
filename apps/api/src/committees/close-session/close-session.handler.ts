import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionCommandRunner } from '../session-command.runner.js';
import type { Written } from '../session-written.js';
import { CloseCommitteeSession } from './close-session.command.js';

@CommandHandler(CloseCommitteeSession)
export class CloseCommitteeSessionHandler implements ICommandHandler<CloseCommitteeSession> {
  constructor(@Inject(SessionCommandRunner) private readonly sessions: SessionCommandRunner) {}

  execute({ sessionId, meta }: CloseCommitteeSession): Promise<Written> {
    return this.sessions.run(sessionId, 'committee.close_session', {}, meta, (ctx) => ({ type: 'CloseSession', sessionId, ctx }));
  }
}
