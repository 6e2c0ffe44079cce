import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionCommandRunner } from '../session-command.runner.js';
import type { Written } from '../session-written.js';
import { RecordCommitteeProposal } from './record-proposal.command.js';

@CommandHandler(RecordCommitteeProposal)
export class RecordCommitteeProposalHandler implements ICommandHandler<RecordCommitteeProposal> {
  constructor(@Inject(SessionCommandRunner) private readonly sessions: SessionCommandRunner) {}

  /** Every member's links are read now: a link declared since the item was added records its abstention with the proposal. */
  execute({ sessionId, projectId, proposal, meta }: RecordCommitteeProposal): Promise<Written> {
    return this.sessions.run(sessionId, 'committee.record_proposal', { projectId, ...proposal }, meta, (ctx, interests) => ({
      type: 'RecordProposal',
      sessionId,
      projectId,
      ...proposal,
      interests,
      ctx,
    }));
  }
}
