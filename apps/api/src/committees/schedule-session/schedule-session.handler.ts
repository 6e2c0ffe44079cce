import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { eventIdFor } from '#kernel';
import { SessionCommandRunner } from '../session-command.runner.js';
import type { Written } from '../session-written.js';
import { ScheduleCommitteeSession } from './schedule-session.command.js';

@CommandHandler(ScheduleCommitteeSession)
export class ScheduleCommitteeSessionHandler implements ICommandHandler<ScheduleCommitteeSession> {
  constructor(@Inject(SessionCommandRunner) private readonly sessions: SessionCommandRunner) {}

  execute({ sessionId, session, meta }: ScheduleCommitteeSession): Promise<Written> {
    // With an Idempotency-Key and no id, the id derives from the key: a retry targets the same session.
    const key = meta.idempotencyKey;
    const id = sessionId ?? (key ? eventIdFor(`${meta.principal.id}\u0000${key}`, 0, 'schedule_session') : randomUUID());
    return this.sessions.run(id, 'committee.schedule_session', session, meta, (ctx) => ({
      type: 'ScheduleSession',
      sessionId: id,
      ...session,
      ctx,
    }));
  }
}
