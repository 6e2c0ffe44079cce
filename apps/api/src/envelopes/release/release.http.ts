import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { ReleaseRequest } from '../requests/spending-operations.request.dto.js';
import { ReleaseEnvelopeCommitment } from './release.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class ReleaseHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('release', 'Release the unused part of a commitment (désengagement): restores AE')
  async release(
    @Param('id') id: string,
    @Body() body: ReleaseRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new ReleaseEnvelopeCommitment(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
