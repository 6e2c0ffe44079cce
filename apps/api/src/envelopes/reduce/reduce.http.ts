import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { ReduceRequest } from '../requests/credit-operations.request.dto.js';
import { ReduceEnvelopeCredits } from './reduce.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class ReduceCreditsHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('reduce', 'Reduce the credits of the current year (within what is notified and still available)')
  async reduce(
    @Param('id') id: string,
    @Body() body: ReduceRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new ReduceEnvelopeCredits(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
