import { commitmentOfAct } from '#funding/application';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportOutcome } from '#awards';
import { EVENT_STORE, type EventStore } from '#event-store';
import { netPaid } from '#funding';
import type { CommandMeta } from '#kernel';
import { AwardActCommandRunner, type AwardActWritten } from '../award-act-command.runner.js';
import { AwardActReader } from '../award-act.reader.js';

export interface ReportReview {
  outcome: ReportOutcome;
  eligibleSpendingCents?: number;
  reason: string;
}

/** Finance reviews the holder's compte rendu financier: what is due on the grant, hence the balance or the recovery. */
export class ReviewAwardActReport extends Command<AwardActWritten> {
  constructor(
    readonly projectId: string,
    readonly review: ReportReview,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/** The facts the review needs: the report (declared spending), the project's budget, the net paid on the act's EJ. */
@CommandHandler(ReviewAwardActReport)
export class ReviewAwardActReportHandler implements ICommandHandler<ReviewAwardActReport> {
  constructor(
    @Inject(AwardActCommandRunner) private readonly acts: AwardActCommandRunner,
    @Inject(AwardActReader) private readonly reader: AwardActReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ projectId, review, meta }: ReviewAwardActReport): Promise<AwardActWritten> {
    const { project } = await this.reader.project(projectId);
    const act = await this.reader.current(projectId);
    const c = await commitmentOfAct(this.store, act);
    const facts = {
      declaredSpendingCents: project.finalReport?.spentAmountCents ?? null,
      budgetCents: project.content.budgetLines.reduce((sum, l) => sum + l.amountCents, 0),
      paidCents: c ? netPaid(c) : 0,
    };
    return this.acts.run(projectId, 'award_act.review_report', review, meta, (ctx) => ({
      type: 'ReviewReport',
      projectId,
      ...review,
      facts,
      ctx,
    }));
  }
}
