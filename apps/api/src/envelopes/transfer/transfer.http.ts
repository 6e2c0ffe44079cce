import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { TransferRequest } from '../requests/credit-operations.request.dto.js';
import { TransferToSiblingEnvelope } from './transfer.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class TransferHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('transfer', 'Transfer AE and CP to a sibling envelope (same parent; written on both, once)')
  async transfer(
    @Param('id') id: string,
    @Body() body: TransferRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new TransferToSiblingEnvelope(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
