import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { accessDecider, accessStreamOf } from '#directory';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { DomainError } from '#kernel';
import { GetGrants, type GrantsView } from './get-grants.query.js';

@QueryHandler(GetGrants)
export class GetGrantsHandler implements IQueryHandler<GetGrants> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ personId, principal }: GetGrants): Promise<GrantsView> {
    if (principal.id !== personId && principal.role !== 'admin' && principal.role !== 'auditor') {
      throw new DomainError('forbidden', 'ACCESS_GRANTS_FORBIDDEN', 'Seuls la personne, un administrateur ou un auditeur les lisent.');
    }
    const events = await this.store.readStream(accessStreamOf(personId));
    const state = foldRecorded(accessDecider, events);
    return { personId, grants: [...state.grants], revision: String(events.length === 0 ? -1 : events[events.length - 1]!.revision) };
  }
}
