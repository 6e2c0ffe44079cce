import { Get, Inject, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { minPositionOf } from '../../http/read-your-writes.js';
import { DashboardFiguresController } from '../dashboard-figures.decorator.js';
import { GetFunnel } from './get-funnel.query.js';

@DashboardFiguresController()
export class GetFunnelHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('funnel')
  @ApiOperation({
    summary:
      'Funnel per program: intentions (schools for education, projects for health), drafting, deposited whatever their stage, ' +
      'to analyse, under analysis, to complete, validated (cumulative), rejected, financed, withdrawn; education per school level',
  })
  @ApiQuery({ name: 'within', required: false, description: 'a territory, e.g. region:44 or academie:12' })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'ISO 8601 date-time or log position: the funnel as it was then, folded from the log',
  })
  funnel(
    @Req() req: FastifyRequest,
    @Query('within') within?: string,
    @Query('minPosition') minPosition?: string,
    @Query('asOf') asOf?: string,
  ) {
    return this.queries.execute(new GetFunnel(within, minPositionOf(req, { minPosition }), asOf));
  }
}
