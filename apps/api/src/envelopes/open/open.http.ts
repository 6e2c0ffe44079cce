import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { AMOUNTS, KEY_HEADER } from '../envelope-operation.route.js';
import { writeResponse } from '../envelope-response.js';
import { OpenEnvelopeRequest } from '../requests/open-envelope.request.dto.js';
import { OpenEnvelope } from './open.command.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class OpenEnvelopeHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: `Open an envelope: fund, territory, one year or a period, parent, ceiling, carry-over rule, split. ${AMOUNTS}` })
  @ApiHeader(KEY_HEADER)
  async open(
    @Body() body: OpenEnvelopeRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return writeResponse(reply, await this.commands.execute(new OpenEnvelope(body.toOrder(), commandMetaOf(req, actor))));
  }
}
