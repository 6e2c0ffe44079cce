import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import { AwardActCommandRunner, type AwardActWritten } from '../award-act-command.runner.js';

/** The funding process records, on the project's act, that a withdrawal after payments awaits the review of the spending. */
export class OpenAwardActReview extends Command<AwardActWritten> {
  constructor(
    readonly projectId: string,
    readonly paidCents: number,
    readonly meta: CommandMeta,
    readonly at: Date,
  ) {
    super();
  }
}

@CommandHandler(OpenAwardActReview)
export class OpenAwardActReviewHandler implements ICommandHandler<OpenAwardActReview> {
  constructor(@Inject(AwardActCommandRunner) private readonly acts: AwardActCommandRunner) {}

  execute({ projectId, paidCents, meta, at }: OpenAwardActReview): Promise<AwardActWritten> {
    return this.acts.run(
      projectId,
      'award_act.open_review',
      { paidCents },
      meta,
      (ctx) => ({
        type: 'OpenReviewOnWithdrawal',
        projectId,
        paidCents,
        ctx,
      }),
      at,
    );
  }
}
