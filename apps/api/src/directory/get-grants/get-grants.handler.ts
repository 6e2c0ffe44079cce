import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { accessDecider, accessStreamOf, type AccessEvent } from '#directory';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DomainError, fold } from '#kernel';
import { GetGrants, type GrantsView } from './get-grants.query.js';

@QueryHandler(GetGrants)
export class GetGrantsHandler implements IQueryHandler<GetGrants> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ personId, principal }: GetGrants): Promise<GrantsView> {
    if (principal.id !== personId && principal.role !== 'admin' && principal.role !== 'auditor') {
      throw new DomainError('forbidden', 'ACCESS_GRANTS_FORBIDDEN', 'Seuls la personne, un administrateur ou un auditeur les lisent.');
    }
    const events = await this.store.readStream(accessStreamOf(personId));
    const state = fold(
      accessDecider,
      events.map((e) => ({ type: e.type, data: e.data }) as AccessEvent),
    );
    return { personId, grants: [...state.grants], revision: String(events.length === 0 ? -1 : events[events.length - 1]!.revision) };
  }
}
