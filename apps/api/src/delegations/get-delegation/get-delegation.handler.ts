import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { assertCanReadDelegation, delegationNotFound, delegationOf, lastDayOf, streamIdOfDelegation } from '#delegations';
import { type DelegationView, GetDelegation } from './get-delegation.query.js';

@QueryHandler(GetDelegation)
export class GetDelegationHandler implements IQueryHandler<GetDelegation> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ delegationId, principal }: GetDelegation): Promise<DelegationView> {
    const history = await this.store.readStream(streamIdOfDelegation(delegationId));
    const delegation = delegationOf(history);
    if (!delegation) throw delegationNotFound(delegationId);
    assertCanReadDelegation(principal, delegation);
    const last = history[history.length - 1]!;
    return { ...delegation, lastDay: lastDayOf(delegation), revision: last.revision.toString(), position: last.position.toString() };
  }
}
