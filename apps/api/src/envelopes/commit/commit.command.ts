import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { EnvelopeWrite } from '../envelope-command.runner.js';

/** What finance sends to record an EJ: the project (whose signed act it formalises) and the accounting system's number. */
export interface CommitmentRequestOrder {
  projectId: string;
  ejNumber: string;
  /** Demo data only: an EJ number Refonda made up, marked so nobody takes it for Chorus's. */
  ejNumberFictitious?: boolean;
  /** Absent: the act's amount. */
  amountCents?: number;
  splitKey?: string | null;
  reason?: string;
}

/** A legal commitment (engagement juridique) for the signed award act of a project of the envelope's territory. */
export class CommitToProject extends Command<EnvelopeWrite> {
  constructor(
    readonly envelopeId: string,
    readonly order: CommitmentRequestOrder,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
