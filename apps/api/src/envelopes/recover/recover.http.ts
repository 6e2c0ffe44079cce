import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { RecoverRequest } from '../requests/spending-operations.request.dto.js';
import { RecoverPayment } from './recover.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class RecoverHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('recover', 'Record a reversement (recovery order): restores CP of the current year')
  async recover(
    @Param('id') id: string,
    @Body() body: RecoverRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new RecoverPayment(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
