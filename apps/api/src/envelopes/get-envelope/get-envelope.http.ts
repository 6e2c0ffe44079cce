import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { GetEnvelope } from './get-envelope.query.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class GetEnvelopeHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'An envelope: AE and CP (notified, allocated, committed, paid, recovered, available…) in total and per year, ' +
      'the first 50 commitments (the others: GET /envelopes/:id/commitments?from=commitmentsNextFrom); revision as ETag',
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'ISO 8601 date-time or log position: the envelope as it was then, folded from the log (no ETag)',
  })
  async get(
    @Param('id') id: string,
    @Query('asOf') asOf: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.queries.execute(new GetEnvelope(id, actor, asOf));
    if (view.asOf === undefined) reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
