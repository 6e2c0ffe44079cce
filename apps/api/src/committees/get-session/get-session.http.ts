import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { uuidParam } from '../id-params.js';
import { GetCommitteeSession } from './get-session.query.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committee-sessions')
export class GetSessionHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'A session: members, agenda with abstentions, votes and tallies, proposals, minutes; its revision as ETag' })
  async get(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.queries.execute(new GetCommitteeSession(id, actor));
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
