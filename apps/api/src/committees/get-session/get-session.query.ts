import { Query } from '@nestjs/cqrs';
import type { ScheduledSession, Tally } from '#committees';
import type { Actor } from '#kernel';

/** A session as its log says now: members, agenda with abstentions, votes, the current tally, proposals, minutes. */
export interface SessionView extends Omit<ScheduledSession, 'items'> {
  items: (ScheduledSession['items'][number] & { tally: Tally })[];
  revision: string;
}

export class GetCommitteeSession extends Query<SessionView> {
  constructor(
    readonly sessionId: string,
    readonly principal: Actor,
  ) {
    super();
  }
}
