import { Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { DashboardFiguresController } from '../dashboard-figures.decorator.js';
import { GetWorkload } from './get-workload.query.js';

@DashboardFiguresController()
export class GetWorkloadHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('workload')
  @ApiOperation({ summary: "Validators' queue per territory: counts, ages, deadlines overdue or due within 7 days" })
  @ApiQuery({ name: 'level', required: false })
  @ApiQuery({ name: 'program', required: false })
  workload(@Query('level') level?: string, @Query('program') program?: string) {
    return this.queries.execute(new GetWorkload(level, program));
  }
}
