import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import { REPORT_DEADLINE_PROCESS_ACTOR, type ReportDeadlineCommands, type ReportDeadlineRequest } from '#processes';
import { CancelProjectReportDeadline } from '../../projects/cancel-report-deadline/cancel-report-deadline.command.js';
import { OpenProjectReportDeadline } from '../../projects/open-report-deadline/open-report-deadline.command.js';

/** The process's request as command metadata: its actor, the request id as Idempotency-Key, the trigger as cause. */
const metaOf = (r: ReportDeadlineRequest): CommandMeta => ({
  principal: REPORT_DEADLINE_PROCESS_ACTOR,
  idempotencyKey: r.requestId,
  correlationId: r.triggerId,
  causationId: r.triggerId,
});

/** The report deadline process's commands, executed through the CommandBus by the same handlers as anyone's. */
@Injectable()
export class ReportDeadlineCommandsOnTheBus implements ReportDeadlineCommands {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async openReportDeadline(projectId: string, actId: string, reportDueOn: string, r: ReportDeadlineRequest): Promise<number> {
    const written = await this.commands.execute(new OpenProjectReportDeadline(projectId, actId, reportDueOn, r.at, metaOf(r)));
    return written.events.length;
  }

  async cancelReportDeadline(projectId: string, actId: string, r: ReportDeadlineRequest): Promise<number> {
    const written = await this.commands.execute(new CancelProjectReportDeadline(projectId, actId, r.at, metaOf(r)));
    return written.events.length;
  }
}
