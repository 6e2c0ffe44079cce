import { Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { DashboardFiguresController } from '../dashboard-figures.decorator.js';
import { GetSeries } from './get-series.query.js';

@DashboardFiguresController()
export class GetSeriesHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('series')
  @ApiOperation({ summary: 'Daily counts and amounts (projects by program; money by fund)' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'scope', required: false })
  series(@Query('from') from?: string, @Query('to') to?: string, @Query('scope') scope?: string) {
    return this.queries.execute(new GetSeries(from, to, scope));
  }
}
