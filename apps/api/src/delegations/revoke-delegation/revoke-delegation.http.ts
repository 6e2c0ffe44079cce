import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { delegationIdPipe } from '../delegation-id.pipe.js';
import { delegationWriteResponse } from '../delegation-written.js';
import { RevokeDelegation } from './revoke-delegation.command.js';
import { RevokeDelegationRequest } from './revoke-delegation.request.dto.js';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class RevokeDelegationHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('decider', 'admin')
  @ApiOperation({ summary: 'Revoke a delegation of signature: it ends on endsOn; acts dated after it are refused' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the revision seen (ETag): a stale one is refused (412)' })
  async revoke(
    @Param('id', delegationIdPipe()) id: string,
    @Body() body: RevokeDelegationRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const revocation = { endsOn: body.endsOn, reason: body.reason };
    const written = await this.commands.execute(new RevokeDelegation(id, revocation, commandMetaOf(req, actor)));
    return delegationWriteResponse(reply, written);
  }
}
