import { Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { DashboardFiguresController } from '../dashboard-figures.decorator.js';
import { GetTerritories } from './get-territories.query.js';

@DashboardFiguresController()
export class GetTerritoriesHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('territories')
  @ApiOperation({ summary: 'Funnel per territory (région / académie / département / CTS), with drill-down by parent' })
  @ApiQuery({ name: 'level', required: false })
  @ApiQuery({ name: 'parent', required: false })
  @ApiQuery({ name: 'program', required: false })
  territories(@Query('level') level?: string, @Query('parent') parent?: string, @Query('program') program?: string) {
    return this.queries.execute(new GetTerritories(level, parent, program));
  }
}
