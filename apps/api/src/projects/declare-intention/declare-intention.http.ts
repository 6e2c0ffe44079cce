import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import type { Partner } from '#projects';
import { commandMetaOf } from '../../http/command-meta.js';
import { projectWriteResponse } from '../project-written.js';
import { DeclareIntention } from './declare-intention.command.js';
import { DeclareIntentionRequest } from './declare-intention.request.dto.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class DeclareIntentionHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('holder')
  @ApiOperation({ summary: 'Declare an intention (intention de concertation): creates the project' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async declare(
    @Body() body: DeclareIntentionRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const intention = {
      program: body.program,
      title: body.title,
      description: body.description ?? '',
      territory: { ...body.territory },
      holder: { ...body.holder },
      coHolders: (body.coHolders ?? []).map((h) => ({ ...h })),
      partners: (body.partners ?? []).map((p) => ({ ...p }) as Partner),
    };
    const written = await this.commands.execute(new DeclareIntention(body.projectId, intention, commandMetaOf(req, actor)));
    reply.header('Location', `/projects/${written.projectId}`);
    return projectWriteResponse(reply, written);
  }
}
