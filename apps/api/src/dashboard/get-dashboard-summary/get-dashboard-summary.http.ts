import { Get, Inject, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { minPositionOf } from '../../http/read-your-writes.js';
import { DashboardFiguresController } from '../dashboard-figures.decorator.js';
import { GetDashboardSummary } from './get-dashboard-summary.query.js';

@DashboardFiguresController()
export class GetDashboardSummaryHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('summary')
  @ApiOperation({ summary: "Everything the dashboard shows, at the read models' position (what the stream sends)" })
  @ApiQuery({ name: 'minPosition', required: false })
  summary(@Req() req: FastifyRequest, @Query('minPosition') minPosition?: string) {
    return this.queries.execute(new GetDashboardSummary(minPositionOf(req, { minPosition })));
  }
}
