import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { delegationIdPipe } from '../delegation-id.pipe.js';
import { GetDelegation } from './get-delegation.query.js';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class GetDelegationHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'A delegation of signature folded from its stream, with its last day in force; revision as ETag' })
  async get(@Param('id', delegationIdPipe()) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.queries.execute(new GetDelegation(id, actor));
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
