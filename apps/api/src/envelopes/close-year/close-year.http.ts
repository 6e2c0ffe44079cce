import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { CloseYearRequest } from '../requests/spending-operations.request.dto.js';
import { CloseEnvelopeYear } from './close-year.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class CloseYearHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('close-year', "Close the current exercise, carrying unused credits by the envelope's rule")
  async closeYear(
    @Param('id') id: string,
    @Body() body: CloseYearRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new CloseEnvelopeYear(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
