import { Body, Controller, HttpCode, Inject, Param, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import type { ContentChanges } from '#projects';
import { commandMetaOf } from '../../http/command-meta.js';
import { projectWriteResponse } from '../project-written.js';
import { EditProjectContent } from './edit-content.command.js';
import { EditContentRequest } from './edit-content.request.dto.js';
import { projectIdPipe } from '../../http/project-id.pipe.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class EditContentHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Patch(':id')
  @HttpCode(200)
  @Roles('holder')
  @ApiOperation({ summary: 'Edit the dossier (while drafting or completing)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) the caller saw: stale → 412' })
  async edit(
    @Param('id', projectIdPipe()) id: string,
    @Body() body: EditContentRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const changes = JSON.parse(JSON.stringify(body)) as ContentChanges;
    return projectWriteResponse(reply, await this.commands.execute(new EditProjectContent(id, changes, commandMetaOf(req, actor))));
  }
}
