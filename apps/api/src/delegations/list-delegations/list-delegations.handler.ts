import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { canReadDelegation, lastDayOf } from '#delegations';
import { DelegationListQueries } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { type DelegationListView, ListDelegations } from './list-delegations.query.js';

@QueryHandler(ListDelegations)
export class ListDelegationsHandler implements IQueryHandler<ListDelegations> {
  constructor(
    @Inject(DelegationListQueries) private readonly delegations: DelegationListQueries,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
  ) {}

  async execute({ principal, filters, minPosition }: ListDelegations): Promise<DelegationListView> {
    await this.ryw.waitForPosition(minPosition);
    // The read rule is the domain's, applied row by row: delegations are few (a handful per territory).
    const items = this.delegations
      .list(filters)
      .filter((d) => canReadDelegation(principal, d))
      .map((d) => ({ ...d, lastDay: lastDayOf(d) }));
    return { items, total: items.length };
  }
}
