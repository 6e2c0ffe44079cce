import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { uuidParam } from '../id-params.js';
import { writeResponse } from '../session-written.js';
import { SeatCommitteeMember } from './seat-member.command.js';
import { SeatMemberRequest } from './seat-member.request.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committee-sessions')
export class SeatMemberHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/members')
  @HttpCode(200)
  @Roles('validator', 'admin')
  @ApiOperation({ summary: 'Seat a member; their declared links give their abstentions on the items of the agenda' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async seat(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SeatMemberRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const member = { personId: body.personId, capacity: body.capacity };
    return writeResponse(reply, await this.commands.execute(new SeatCommitteeMember(id, member, commandMetaOf(req, actor))), 'sessionId');
  }
}
