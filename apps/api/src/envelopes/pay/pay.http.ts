import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { PayRequest } from '../requests/spending-operations.request.dto.js';
import { PayEnvelopeInstalment } from './pay.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class PayHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('pay', 'Pay a payment order (the public accountant): consumes CP of the current year')
  async pay(
    @Param('id') id: string,
    @Body() body: PayRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new PayEnvelopeInstalment(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
