import { Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { DashboardFiguresController } from '../dashboard-figures.decorator.js';
import { GetDecisions } from './get-decisions.query.js';

@DashboardFiguresController()
export class GetDecisionsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('decisions')
  @ApiOperation({ summary: 'Recent decisions; the project, motivation and author only for a caller who may read that project' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'program', required: false })
  decisions(@CurrentActor() actor: Actor | undefined, @Query('limit') limit?: string, @Query('program') program?: string) {
    return this.queries.execute(new GetDecisions(actor, limit, program));
  }
}
