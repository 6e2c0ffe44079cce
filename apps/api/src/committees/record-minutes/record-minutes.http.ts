import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { uuidParam } from '../id-params.js';
import { writeResponse } from '../session-written.js';
import { RecordCommitteeMinutes } from './record-minutes.command.js';
import { RecordMinutesRequest } from './record-minutes.request.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committee-sessions')
export class RecordMinutesHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/minutes')
  @HttpCode(200)
  @Roles('validator', 'admin')
  @ApiOperation({ summary: 'Record the minutes of the session (a text or a document reference)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async record(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordMinutesRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const minutes = {
      ...(body.text === undefined ? {} : { text: body.text }),
      ...(body.reference === undefined ? {} : { reference: body.reference }),
    };
    return writeResponse(
      reply,
      await this.commands.execute(new RecordCommitteeMinutes(id, minutes, commandMetaOf(req, actor))),
      'sessionId',
    );
  }
}
