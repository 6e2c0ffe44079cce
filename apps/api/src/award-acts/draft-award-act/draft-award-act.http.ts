import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { projectIdPipe } from '../../http/project-id.pipe.js';
import { awardActWriteResponse } from '../award-act-response.js';
import { DraftAwardAct } from './draft-award-act.command.js';
import { DraftAwardActRequest } from './draft-award-act.request.dto.js';

@ApiTags('award-acts')
@ApiBearerAuth()
@Controller('projects')
export class DraftAwardActHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/award-act')
  @HttpCode(201)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Draft the award act of a signed decision (arrêté attributif, or convention by the rule)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async draft(
    @Param('id', projectIdPipe()) id: string,
    @Body() body: DraftAwardActRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const written = await this.commands.execute(new DraftAwardAct(id, body.toDraft(), commandMetaOf(req, actor)));
    reply.header('Location', `/projects/${id}/award-act`);
    return awardActWriteResponse(reply, written);
  }
}
