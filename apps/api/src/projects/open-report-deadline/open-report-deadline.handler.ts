import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#kernel';
import { ProjectCommandRunner } from '../project-command.runner.js';
import type { ProjectWritten } from '../project-written.js';
import { OpenProjectReportDeadline } from './open-report-deadline.command.js';

@CommandHandler(OpenProjectReportDeadline)
export class OpenProjectReportDeadlineHandler implements ICommandHandler<OpenProjectReportDeadline> {
  constructor(@Inject(ProjectCommandRunner) private readonly projects: ProjectCommandRunner) {}

  execute({ projectId, actId, reportDueOn, at, meta }: OpenProjectReportDeadline): Promise<ProjectWritten> {
    const build = (ctx: CommandContext) => ({ type: 'open_report_deadline' as const, projectId, actId, reportDueOn, ctx });
    return this.projects.run(projectId, 'project.open_report_deadline', { actId, reportDueOn }, meta, build, at);
  }
}
