import { Command } from '@nestjs/cqrs';
import type { QuorumRule, SessionKind, SessionProgram } from '#committees';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

export interface SessionToSchedule {
  kind: SessionKind;
  program: SessionProgram;
  territory: string;
  date: string;
  quorum?: QuorumRule;
}

/** The secretariat schedules a committee session (its id chosen, or derived from the Idempotency-Key). */
export class ScheduleCommitteeSession extends Command<Written> {
  constructor(
    readonly sessionId: string | undefined,
    readonly session: SessionToSchedule,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
