import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import type { HistoryPaging } from '../history-page.js';
import { GetProjectHistory } from './get-project-history.query.js';
import { projectIdPipe } from '../../http/project-id.pipe.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('projects')
export class GetProjectHistoryHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({
    summary: "A project's every event: who, role, territory, when, why, position, hash and a French summary (read from the log)",
  })
  @ApiQuery({ name: 'from', required: false, description: 'first revision (paging)' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 1000' })
  history(@Param('id', projectIdPipe()) id: string, @Query() query: HistoryPaging, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetProjectHistory(id, actor, { from: query.from, limit: query.limit }));
  }
}
