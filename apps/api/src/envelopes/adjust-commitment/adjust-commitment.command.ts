import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { EnvelopeWrite } from '../envelope-command.runner.js';

/** What finance sends to adjust an EJ to an amendment of its act. */
export interface AdjustCommitmentOrder {
  projectId: string;
  amendmentNumber: number;
  reason?: string;
}

/** The EJ of a project's act follows a signed amendment (avenant) of it. */
export class AdjustProjectCommitment extends Command<EnvelopeWrite> {
  constructor(
    readonly envelopeId: string,
    readonly order: AdjustCommitmentOrder,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
