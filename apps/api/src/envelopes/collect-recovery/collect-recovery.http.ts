import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { CollectRecoveryRequest } from '../requests/recovery-operations.request.dto.js';
import { CollectEnvelopeRecovery } from './collect-recovery.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class CollectRecoveryHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute(
    'collect-recovery',
    'Collect a recovery order (the public accountant), possibly in parts: restores CP for a payment of the same exercise, ' +
      'else a receipt',
  )
  async collectRecovery(
    @Param('id') id: string,
    @Body() body: CollectRecoveryRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new CollectEnvelopeRecovery(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
