import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { directoryWriteResponse } from '../directory-written.js';
import { personIdPipe } from '../person-id.pipe.js';
import { GrantAccess } from './grant-access.command.js';
import { GrantAccessRequest } from './grant-access.request.dto.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('people')
export class GrantAccessHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':personId/grants')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Grant a person a role over a territory (habilitation); effective at once' })
  async grant(
    @Param('personId', personIdPipe()) personId: string,
    @Body() body: GrantAccessRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const grant = { role: body.role, scope: { ...body.scope }, ...(body.capacity ? { capacity: body.capacity } : {}) };
    const written = await this.commands.execute(new GrantAccess(personId, grant, commandMetaOf(req, actor)));
    return directoryWriteResponse(reply, written, 'personId');
  }
}
