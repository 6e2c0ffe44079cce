import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { minPositionOf } from '../../http/read-your-writes.js';
import { ListDelegations } from './list-delegations.query.js';
import { ListDelegationsQuery } from './list-delegations.query.dto.js';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class ListDelegationsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Delegations of signature the caller may read, by delegate, authority and day in force' })
  list(@Query() query: ListDelegationsQuery, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    const { minPosition: _wait, ...filters } = query;
    return this.queries.execute(new ListDelegations(actor, filters, minPositionOf(req, query)));
  }
}
