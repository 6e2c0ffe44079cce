import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { canReadSession, sessionEvolution, sessionNotFound, sessionStreamId, tallyOf } from '#committees';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { DomainError } from '#kernel';
import { GetCommitteeSession, type SessionView } from './get-session.query.js';

@QueryHandler(GetCommitteeSession)
export class GetCommitteeSessionHandler implements IQueryHandler<GetCommitteeSession> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Folded from the session's stream (a few dozen events): no read model to wait for. */
  async execute({ sessionId, principal }: GetCommitteeSession): Promise<SessionView> {
    const history = await this.store.readStream(sessionStreamId(sessionId));
    const state = foldRecorded(sessionEvolution, history);
    if (!state.scheduled) throw sessionNotFound(sessionId);
    if (!canReadSession(principal, state)) {
      throw new DomainError('forbidden', 'COMMITTEE_SESSION_OUT_OF_SCOPE', 'Cette séance est hors de votre territoire.', { sessionId });
    }
    return {
      ...state,
      items: state.items.map((item) => ({ ...item, tally: tallyOf(state, item) })),
      revision: history.at(-1)!.revision.toString(),
    };
  }
}
