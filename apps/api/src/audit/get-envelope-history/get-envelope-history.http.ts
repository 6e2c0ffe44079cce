import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import type { HistoryPaging } from '../history-page.js';
import { GetEnvelopeHistory } from './get-envelope-history.query.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('envelopes')
export class GetEnvelopeHistoryHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({
    summary: "An envelope's every event (credits, commitments, payments…): who, role, territory, when, why, position, hash, French summary",
  })
  @ApiQuery({ name: 'from', required: false, description: 'first revision (paging)' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 1000' })
  history(@Param('id') id: string, @Query() query: HistoryPaging, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetEnvelopeHistory(id, actor, { from: query.from, limit: query.limit }));
  }
}
