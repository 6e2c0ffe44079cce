import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { FUNDS } from '#funding';
import { minPositionOf } from '../../http/read-your-writes.js';
import { ListEnvelopes } from './list-envelopes.query.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class ListEnvelopesHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Envelopes by fund, territory code and year (a year selects the envelopes whose period covers it), with their balances',
  })
  @ApiQuery({ name: 'fund', required: false, enum: FUNDS })
  @ApiQuery({ name: 'territory', required: false, description: 'territory code, e.g. academie-12, ars-44, national' })
  @ApiQuery({ name: 'year', required: false })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait (bounded) until the read models reach this position' })
  list(@Query() query: Record<string, string | undefined>, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.queries.execute(new ListEnvelopes(actor, query, minPositionOf(req, query)));
  }
}
