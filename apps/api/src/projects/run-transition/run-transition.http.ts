import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import { type Actor, invalid } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { projectWriteResponse } from '../project-written.js';
import { RunProjectTransition, TRANSITION_COMMANDS, type TransitionInput } from './run-transition.command.js';
import { RunTransitionRequest } from './run-transition.request.dto.js';
import { projectIdPipe } from '../../http/project-id.pipe.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class RunTransitionHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/:command')
  @HttpCode(200)
  @ApiOperation({ summary: "Run a workflow transition; roles, territory, reason and fields are checked by the program's definition" })
  @ApiParam({ name: 'command', enum: TRANSITION_COMMANDS })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) the caller saw: stale → 412' })
  async run(
    @Param('id', projectIdPipe()) id: string,
    @Param('command') command: string,
    @Body() body: RunTransitionRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!(TRANSITION_COMMANDS as readonly string[]).includes(command)) {
      throw invalid('PROJECT_UNKNOWN_COMMAND', 'command', `one of ${TRANSITION_COMMANDS.join(', ')}`, { command });
    }
    const transition = { ...body, type: command } as unknown as TransitionInput;
    return projectWriteResponse(reply, await this.commands.execute(new RunProjectTransition(id, transition, commandMetaOf(req, actor))));
  }
}
