import { Command } from '@nestjs/cqrs';
import type { AmendmentKind } from '#awards';
import type { CommandMeta } from '#kernel';
import type { AwardActWritten } from '../award-act-command.runner.js';

/** What the signatory states of an amendment (avenant). */
export interface AmendmentTerms {
  kind: AmendmentKind;
  amountCents?: number;
  lastExercise?: number;
  reportDueOn?: string;
  payeeOrganisationId?: string;
  reason: string;
}

/** The authority (or its delegate) signs an amendment of the project's award act. */
export class AmendAwardAct extends Command<AwardActWritten> {
  constructor(
    readonly projectId: string,
    readonly terms: AmendmentTerms,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/** A person acting for the beneficiary signs a convention's amendment. */
export class CountersignAwardActAmendment extends Command<AwardActWritten> {
  constructor(
    readonly projectId: string,
    readonly number: number,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
