import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { uuidParam } from '../id-params.js';
import { writeResponse } from '../session-written.js';
import { CastCommitteeVote } from './cast-vote.command.js';
import { CastVoteRequest } from './cast-vote.request.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committee-sessions')
export class CastVoteHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/items/:projectId/votes')
  @HttpCode(200)
  @Roles('holder', 'validator', 'decider', 'finance', 'admin')
  @ApiOperation({ summary: 'A seated member votes on an item; a member with a conflict of interest on it is refused (409)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async vote(
    @Param('id', uuidParam('id')) id: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: CastVoteRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(
      reply,
      await this.commands.execute(new CastCommitteeVote(id, projectId, body.vote, commandMetaOf(req, actor))),
      'sessionId',
    );
  }
}
