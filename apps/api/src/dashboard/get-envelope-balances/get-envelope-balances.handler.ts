import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalid } from '#kernel';
import { DashboardQueries, type EnvelopeBalanceRow } from '#projections';
import { GetEnvelopeBalances } from './get-envelope-balances.query.js';

@QueryHandler(GetEnvelopeBalances)
export class GetEnvelopeBalancesHandler implements IQueryHandler<GetEnvelopeBalances> {
  constructor(@Inject(DashboardQueries) private readonly dashboard: DashboardQueries) {}

  async execute({ fund, territory, year }: GetEnvelopeBalances): Promise<{ items: EnvelopeBalanceRow[] }> {
    if (fund && !['fip', 'fir'].includes(fund)) throw invalid('DASHBOARD_INVALID_QUERY', 'fund', 'fip | fir');
    if (year && !/^\d{4}$/.test(year)) throw invalid('DASHBOARD_INVALID_QUERY', 'year', 'a 4-digit year');
    return {
      items: this.dashboard.envelopes.list({
        fund: fund || undefined,
        territory: territory || undefined,
        year: year ? Number(year) : undefined,
      }),
    };
  }
}
