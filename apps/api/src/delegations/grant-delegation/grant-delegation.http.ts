import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { delegationWriteResponse } from '../delegation-written.js';
import { type DelegationGrant, GrantDelegation } from './grant-delegation.command.js';
import { GrantDelegationRequest } from './grant-delegation.request.dto.js';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class GrantDelegationHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('decider', 'admin')
  @ApiOperation({ summary: 'Grant a delegation of signature (the authority itself, or an admin recording the arrêté for it)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async grant(
    @Body() body: GrantDelegationRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const grant: DelegationGrant = {
      authority: { ...body.authority, territory: { ...body.authority.territory } },
      delegate: { ...body.delegate },
      territories: body.territories.map((t) => ({ ...t })),
      actKinds: [...body.actKinds],
      validFrom: body.validFrom,
      validUntil: body.validUntil ?? null,
      actReference: body.actReference,
      ...(body.reason === undefined ? {} : { reason: body.reason }),
    };
    const written = await this.commands.execute(new GrantDelegation(body.delegationId, grant, commandMetaOf(req, actor)));
    reply.header('Location', `/delegations/${written.delegationId}`);
    return delegationWriteResponse(reply, written);
  }
}
