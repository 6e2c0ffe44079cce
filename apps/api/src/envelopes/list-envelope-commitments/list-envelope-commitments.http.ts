import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { FIRST_COMMITMENTS, MAX_COMMITMENTS_PAGE } from '../envelope-response.js';
import { ListEnvelopeCommitments } from './list-envelope-commitments.query.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class ListEnvelopeCommitmentsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id/commitments')
  @ApiOperation({ summary: "A page of an envelope's commitments (engagements juridiques), in the order they were made; revision as ETag" })
  @ApiQuery({ name: 'from', required: false, description: 'rank of the first commitment (0-based; `nextFrom` of the previous page)' })
  @ApiQuery({ name: 'limit', required: false, description: `1..${MAX_COMMITMENTS_PAGE}, default ${FIRST_COMMITMENTS}` })
  @ApiQuery({ name: 'asOf', required: false, description: 'ISO 8601 date-time or log position: the commitments as they were then' })
  async list(
    @Param('id') id: string,
    @Query() query: { from?: string; limit?: string; asOf?: string },
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const page = await this.queries.execute(new ListEnvelopeCommitments(id, actor, { from: query.from, limit: query.limit }, query.asOf));
    if (page.asOf === undefined) reply.header('ETag', `"${page.revision}"`);
    return page;
  }
}
