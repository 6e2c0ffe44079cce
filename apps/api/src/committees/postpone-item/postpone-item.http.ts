import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { uuidParam } from '../id-params.js';
import { writeResponse } from '../session-written.js';
import { PostponeCommitteeItem } from './postpone-item.command.js';
import { PostponeItemRequest } from './postpone-item.request.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committee-sessions')
export class PostponeItemHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/items/:projectId/postpone')
  @HttpCode(200)
  @Roles('validator', 'admin')
  @ApiOperation({ summary: 'Postpone an item to a later session' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async postpone(
    @Param('id', uuidParam('id')) id: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: PostponeItemRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const written = await this.commands.execute(new PostponeCommitteeItem(id, projectId, body.reason, commandMetaOf(req, actor)));
    return writeResponse(reply, written, 'sessionId');
  }
}
