import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { AdjustCommitmentRequest } from '../requests/recovery-operations.request.dto.js';
import { AdjustProjectCommitment } from './adjust-commitment.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class AdjustCommitmentHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute(
    'adjust-commitment',
    'Adjust the EJ of a project to a signed amendment of its act: an increase consumes AE, a reduction releases it',
  )
  async adjust(
    @Param('id') id: string,
    @Body() body: AdjustCommitmentRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new AdjustProjectCommitment(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
