import { Command } from '@nestjs/cqrs';
import type { LegalStatus } from '#awards';
import type { CommandMeta } from '#kernel';
import type { AwardActWritten } from '../award-act-command.runner.js';

export interface AwardActDraft {
  envelopeId?: string;
  reference?: string;
  amountCents?: number;
  exercises?: { first: number; last: number };
  schedule?: { kind: string; amountCents: number; condition: string }[];
  reportDueOn?: string;
  payeeLegalStatus?: LegalStatus;
}

/** Finance drafts the award act of a project's signed decision (arrêté attributif or convention, by the rule). */
export class DraftAwardAct extends Command<AwardActWritten> {
  constructor(
    readonly projectId: string,
    readonly draft: AwardActDraft,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
