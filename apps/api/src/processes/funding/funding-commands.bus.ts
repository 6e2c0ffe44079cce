import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import { FUNDING_PROCESS_ACTOR, type FundingCommands, type FundingRequest } from '#processes';
import { OpenAwardActReview } from '../../award-acts/review-report/open-review.handler.js';
import { CancelProjectReportDeadline } from '../../projects/cancel-report-deadline/cancel-report-deadline.command.js';
import { RunProjectTransition } from '../../projects/run-transition/run-transition.command.js';

/** The funding process's request as command metadata: its actor, the request id as Idempotency-Key, the trigger as cause. */
const metaOf = (r: FundingRequest): CommandMeta => ({
  principal: FUNDING_PROCESS_ACTOR,
  idempotencyKey: r.requestId,
  correlationId: r.triggerId,
  causationId: r.triggerId,
});

/** The funding process's commands, executed through the CommandBus by the same handler as anyone's. */
@Injectable()
export class FundingCommandsOnTheBus implements FundingCommands {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async openReviewOnWithdrawal(projectId: string, paidCents: number, r: FundingRequest): Promise<void> {
    await this.commands.execute(new OpenAwardActReview(projectId, paidCents, metaOf(r), r.at));
  }

  async liftReportDeadline(projectId: string, actId: string, r: FundingRequest): Promise<void> {
    await this.commands.execute(new CancelProjectReportDeadline(projectId, actId, r.at, metaOf(r)));
  }

  async startFinancing(projectId: string, commitmentRef: string, r: FundingRequest): Promise<void> {
    await this.commands.execute(new RunProjectTransition(projectId, { type: 'start_financing', commitmentRef }, metaOf(r), r.at));
  }
}
