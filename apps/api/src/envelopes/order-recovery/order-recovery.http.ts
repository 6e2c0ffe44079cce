import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { OrderRecoveryRequest } from '../requests/recovery-operations.request.dto.js';
import { OrderEnvelopeRecovery } from './order-recovery.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class OrderRecoveryHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute(
    'order-recovery',
    'Issue a recovery order (finance): titre de perception (FIP) or titre de recettes (FIR); moves no credit until collected',
  )
  async orderRecovery(
    @Param('id') id: string,
    @Body() body: OrderRecoveryRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new OrderEnvelopeRecovery(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
