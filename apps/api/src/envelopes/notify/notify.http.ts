import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { NotifyRequest } from '../requests/credit-operations.request.dto.js';
import { NotifyEnvelopeCredits } from './notify.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class NotifyCreditsHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('notify', 'Notify the credits of the current year (first notification) or increase them')
  async notify(
    @Param('id') id: string,
    @Body() body: NotifyRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new NotifyEnvelopeCredits(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
