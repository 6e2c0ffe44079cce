import { Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { DashboardFiguresController } from '../dashboard-figures.decorator.js';
import { GetEnvelopeBalances } from './get-envelope-balances.query.js';

@DashboardFiguresController()
export class GetEnvelopeBalancesHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('envelopes')
  @ApiOperation({ summary: 'AE/CP credits, consumption and availability per envelope, by fund, territory and year (cents)' })
  @ApiQuery({ name: 'fund', required: false })
  @ApiQuery({ name: 'territory', required: false })
  @ApiQuery({ name: 'year', required: false })
  envelopes(@Query('fund') fund?: string, @Query('territory') territory?: string, @Query('year') year?: string) {
    return this.queries.execute(new GetEnvelopeBalances(fund, territory, year));
  }
}
