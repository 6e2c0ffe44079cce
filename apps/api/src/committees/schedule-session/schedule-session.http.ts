import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { QuorumRule } from '#committees';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../session-written.js';
import { ScheduleCommitteeSession } from './schedule-session.command.js';
import { ScheduleSessionRequest } from './schedule-session.request.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committee-sessions')
export class ScheduleSessionHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('validator', 'admin')
  @ApiOperation({ summary: 'Schedule a committee session (commission académique or départementale, CTS)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async schedule(
    @Body() body: ScheduleSessionRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { sessionId, kind, program, territory, date } = body;
    const session = { kind, program, territory, date, ...(body.quorum ? { quorum: { ...body.quorum } as QuorumRule } : {}) };
    const written = await this.commands.execute(new ScheduleCommitteeSession(sessionId, session, commandMetaOf(req, actor)));
    reply.header('Location', `/committee-sessions/${written.id}`);
    return writeResponse(reply, written, 'sessionId');
  }
}
