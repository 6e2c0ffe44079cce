import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { PersonIdParam } from '../id-params.js';
import { writeResponse } from '../session-written.js';
import { WithdrawInterestLink } from './withdraw-link.command.js';
import { WithdrawLinkRequest } from './withdraw-link.request.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('interest-declarations')
export class WithdrawLinkHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':personId/links/withdraw')
  @HttpCode(200)
  @Roles('holder', 'validator', 'decider', 'finance', 'admin')
  @ApiOperation({ summary: 'Withdraw a declared link (the person themselves, or an admin)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async withdraw(
    @Param('personId', PersonIdParam) personId: string,
    @Body() body: WithdrawLinkRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const link = { organisationId: body.organisationId, nature: body.nature };
    return writeResponse(
      reply,
      await this.commands.execute(new WithdrawInterestLink(personId, link, commandMetaOf(req, actor))),
      'personId',
    );
  }
}
