import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import { type Actor, invalid } from '#kernel';
import { stampWrite } from '../../http/command-context.js';
import { ProjectCommands } from '../project-commands.service.js';
import { commandResponse } from '../project-response.js';
import { RunTransitionRequest } from './run-transition.request.dto.js';

export const TRANSITION_COMMANDS = [
  'start_drafting', 'submit', 'start_analysis', 'request_completion', 'resubmit', 'refer_to_cts', 'record_cts_opinion',
  'validate', 'reject', 'reopen', 'withdraw', 'start_financing', 'submit_final_report', 'close',
] as const;

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class RunTransitionHttp {
  constructor(@Inject(ProjectCommands) private readonly commands: ProjectCommands) {}

  @Post(':id/:command')
  @HttpCode(200)
  @ApiOperation({ summary: "Run a workflow transition; roles, territory, reason and fields are checked by the program's definition" })
  @ApiParam({ name: 'command', enum: TRANSITION_COMMANDS })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) the caller saw: stale → 412' })
  async run(
    @Param('id', new ParseUUIDPipe()) id: string, @Param('command') command: string, @Body() body: RunTransitionRequest,
    @CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!(TRANSITION_COMMANDS as readonly string[]).includes(command)) {
      throw invalid('PROJECT_UNKNOWN_COMMAND', 'command', `one of ${TRANSITION_COMMANDS.join(', ')}`, { command });
    }
    const result = await this.commands.run(req, actor, { ...body, type: command, projectId: id } as unknown as Parameters<ProjectCommands['run']>[2]);
    stampWrite(reply, result.revision, result.append);
    return commandResponse(id, result);
  }
}
