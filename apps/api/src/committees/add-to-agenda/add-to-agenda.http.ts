import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { uuidParam } from '../id-params.js';
import { writeResponse } from '../session-written.js';
import { AddToCommitteeAgenda } from './add-to-agenda.command.js';
import { AddToAgendaRequest } from './add-to-agenda.request.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committee-sessions')
export class AddToAgendaHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/agenda')
  @HttpCode(200)
  @Roles('validator', 'admin')
  @ApiOperation({ summary: 'Put a project on the agenda; members linked to one of its parties have their abstention recorded' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async add(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AddToAgendaRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(
      reply,
      await this.commands.execute(new AddToCommitteeAgenda(id, body.projectId, commandMetaOf(req, actor))),
      'sessionId',
    );
  }
}
