import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#auth';
import { type Actor, invalid } from '#kernel';
import { ListDelegatedDecisions } from './list-delegated-decisions.query.js';

const DELEGATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('delegations')
export class ListDelegatedDecisionsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id/decisions')
  @Roles('auditor', 'admin', 'decider')
  @ApiOperation({ summary: 'Every decision signed under this delegation of signature: project, signatory, capacity, proposal' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait until the read models have reached this log position' })
  list(@Param('id') id: string, @CurrentActor() actor: Actor, @Query('minPosition') minPosition?: string) {
    if (!DELEGATION_ID.test(id)) throw invalid('INVALID_ID', 'id', 'delegation-id');
    return this.queries.execute(new ListDelegatedDecisions(id, actor, minPosition));
  }
}
