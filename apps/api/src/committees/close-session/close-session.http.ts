import { Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { uuidParam } from '../id-params.js';
import { writeResponse } from '../session-written.js';
import { CloseCommitteeSession } from './close-session.command.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committee-sessions')
export class CloseSessionHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/close')
  @HttpCode(200)
  @Roles('validator', 'admin')
  @ApiOperation({ summary: 'Close the session: every item has a proposal or is postponed, the minutes are recorded' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async close(
    @Param('id', uuidParam('id')) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new CloseCommitteeSession(id, commandMetaOf(req, actor))), 'sessionId');
  }
}
