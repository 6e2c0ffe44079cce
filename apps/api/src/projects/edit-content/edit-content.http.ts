import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import type { ContentChanges } from '#projects';
import { stampWrite } from '../../http/command-context.js';
import { ProjectCommands } from '../project-commands.service.js';
import { commandResponse } from '../project-response.js';
import { EditContentRequest } from './edit-content.request.dto.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class EditContentHttp {
  constructor(@Inject(ProjectCommands) private readonly commands: ProjectCommands) {}

  @Patch(':id')
  @HttpCode(200)
  @Roles('holder')
  @ApiOperation({ summary: 'Edit the dossier (while drafting or completing)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) the caller saw: stale → 412' })
  async edit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: EditContentRequest, @CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const changes = JSON.parse(JSON.stringify(body)) as ContentChanges;
    const result = await this.commands.run(req, actor, { type: 'edit_content', projectId: id, changes });
    stampWrite(reply, result.revision, result.append);
    return commandResponse(id, result);
  }
}
