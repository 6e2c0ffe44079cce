import { Command } from '@nestjs/cqrs';
import type { ProposalOutcome } from '#committees';
import type { CommandMeta } from '#kernel';
import type { Written } from '../session-written.js';

export interface ProposalInput {
  outcome: ProposalOutcome;
  proposedAmountCents?: number;
  reason: string;
}

/** The secretariat records the session's proposal on an item, once its quorum voted. */
export class RecordCommitteeProposal extends Command<Written> {
  constructor(
    readonly sessionId: string,
    readonly projectId: string,
    readonly proposal: ProposalInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
