import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { writeResponse } from '../envelope-response.js';
import { EnvelopeOperationRoute } from '../envelope-operation.route.js';
import { ServiceDoneRequest } from '../requests/spending-operations.request.dto.js';
import { CertifyServiceDone } from './service-done.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class ServiceDoneHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @EnvelopeOperationRoute('service-done', 'Certify service done (service fait) on a commitment: makes that much payable')
  async serviceDone(
    @Param('id') id: string,
    @Body() body: ServiceDoneRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new CertifyServiceDone(id, body.toOrder(), commandMetaOf(req, actor))));
  }
}
