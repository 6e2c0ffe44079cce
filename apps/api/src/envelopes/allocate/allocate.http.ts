import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { AllocateRequest } from '../requests/credit-operations.request.dto.js';
import { AllocateToChildEnvelope } from './allocate.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class AllocateHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('allocate', 'Allocate AE and CP to a child envelope (written on both envelopes, once)')
  async allocate(
    @Param('id') id: string,
    @Body() body: AllocateRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new AllocateToChildEnvelope(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
