import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { SetSplitRequest } from '../requests/credit-operations.request.dto.js';
import { SetEnvelopeSplit } from './split.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class SetSplitHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('split', 'Set, change or remove the indicative split of the AE over keys (e.g. the CTS of an ARS)')
  async split(
    @Param('id') id: string,
    @Body() body: SetSplitRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new SetEnvelopeSplit(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
