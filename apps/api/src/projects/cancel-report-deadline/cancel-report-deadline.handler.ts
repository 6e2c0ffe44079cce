import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#kernel';
import { ProjectCommandRunner } from '../project-command.runner.js';
import type { ProjectWritten } from '../project-written.js';
import { CancelProjectReportDeadline } from './cancel-report-deadline.command.js';

@CommandHandler(CancelProjectReportDeadline)
export class CancelProjectReportDeadlineHandler implements ICommandHandler<CancelProjectReportDeadline> {
  constructor(@Inject(ProjectCommandRunner) private readonly projects: ProjectCommandRunner) {}

  execute({ projectId, actId, at, meta }: CancelProjectReportDeadline): Promise<ProjectWritten> {
    const build = (ctx: CommandContext) => ({ type: 'cancel_report_deadline' as const, projectId, actId, ctx });
    return this.projects.run(projectId, 'project.cancel_report_deadline', { actId }, meta, build, at);
  }
}
