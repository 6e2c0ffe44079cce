import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionCommandRunner } from '../session-command.runner.js';
import type { Written } from '../session-written.js';
import { RecordCommitteeMinutes } from './record-minutes.command.js';

@CommandHandler(RecordCommitteeMinutes)
export class RecordCommitteeMinutesHandler implements ICommandHandler<RecordCommitteeMinutes> {
  constructor(@Inject(SessionCommandRunner) private readonly sessions: SessionCommandRunner) {}

  execute({ sessionId, minutes, meta }: RecordCommitteeMinutes): Promise<Written> {
    return this.sessions.run(sessionId, 'committee.record_minutes', minutes, meta, (ctx) => ({
      type: 'RecordMinutes',
      sessionId,
      ...minutes,
      ctx,
    }));
  }
}
