import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import { type Actor, eventIdFor } from '#kernel';
import type { Partner } from '#projects';
import { idempotencyKeyOf, stampWrite } from '../../http/command-context.js';
import { ProjectCommands } from '../project-commands.service.js';
import { commandResponse } from '../project-response.js';
import { DeclareIntentionRequest } from './declare-intention.request.dto.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class DeclareIntentionHttp {
  constructor(@Inject(ProjectCommands) private readonly commands: ProjectCommands) {}

  @Post()
  @HttpCode(201)
  @Roles('holder')
  @ApiOperation({ summary: "Declare an intention (intention de concertation): creates the project" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async declare(@Body() body: DeclareIntentionRequest, @CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    // With an Idempotency-Key and no id, the id is derived from it: a retry targets the same project.
    const key = idempotencyKeyOf(req);
    const projectId = body.projectId ?? (key ? eventIdFor(`${actor.id}\u0000${key}`, 0, 'declare_intention') : randomUUID());
    const result = await this.commands.run(req, actor, {
      type: 'declare_intention', projectId, program: body.program, title: body.title, description: body.description ?? '',
      territory: { ...body.territory }, holder: { ...body.holder }, partners: (body.partners ?? []).map((p) => ({ ...p }) as Partner),
    });
    stampWrite(reply, result.revision, result.append);
    reply.header('Location', `/projects/${projectId}`);
    return commandResponse(projectId, result);
  }
}
