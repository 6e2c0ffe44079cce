import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { OrderPaymentRequest } from '../requests/spending-operations.request.dto.js';
import { OrderEnvelopePayment } from './order-payment.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class OrderPaymentHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('order-payment', 'Order the payment of a certified instalment (the ordonnateur: liquidation and ordonnancement)')
  async order(
    @Param('id') id: string,
    @Body() body: OrderPaymentRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new OrderEnvelopePayment(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
