import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { uuidParam } from '../id-params.js';
import { writeResponse } from '../session-written.js';
import { RecordCommitteeProposal } from './record-proposal.command.js';
import { RecordProposalRequest } from './record-proposal.request.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committee-sessions')
export class RecordProposalHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/items/:projectId/proposal')
  @HttpCode(200)
  @Roles('validator', 'admin')
  @ApiOperation({ summary: 'Record the proposal on an item (favourable with an amount, unfavourable, to complete); quorum unmet → 409' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async propose(
    @Param('id', uuidParam('id')) id: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: RecordProposalRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const proposal = {
      outcome: body.outcome,
      reason: body.reason,
      ...(body.proposedAmountCents === undefined ? {} : { proposedAmountCents: body.proposedAmountCents }),
    };
    const written = await this.commands.execute(new RecordCommitteeProposal(id, projectId, proposal, commandMetaOf(req, actor)));
    return writeResponse(reply, written, 'sessionId');
  }
}
