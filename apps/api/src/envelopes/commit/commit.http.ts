import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { CommitRequest } from '../requests/spending-operations.request.dto.js';
import { CommitToProject } from './commit.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class CommitHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('commit', 'Record a legal commitment (engagement juridique) for a project: consumes AE')
  async commit(
    @Param('id') id: string,
    @Body() body: CommitRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new CommitToProject(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
