import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { PersonIdParam } from '../id-params.js';
import { writeResponse } from '../session-written.js';
import { DeclareInterestLink } from './declare-link.command.js';
import { DeclareLinkRequest } from './declare-link.request.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('interest-declarations')
export class DeclareLinkHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':personId/links')
  @HttpCode(201)
  @Roles('holder', 'validator', 'decider', 'finance', 'admin')
  @ApiOperation({ summary: 'Declare one’s link to an organisation (the person themselves, or an admin)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async declare(
    @Param('personId', PersonIdParam) personId: string,
    @Body() body: DeclareLinkRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const link = {
      organisationId: body.organisationId,
      nature: body.nature,
      ...(body.description ? { description: body.description } : {}),
    };
    return writeResponse(
      reply,
      await this.commands.execute(new DeclareInterestLink(personId, link, commandMetaOf(req, actor))),
      'personId',
    );
  }
}
