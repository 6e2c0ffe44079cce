import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommandRunner } from '../project-command.runner.js';
import type { ProjectWritten } from '../project-written.js';
import { RemindProjectDeadline } from './remind-deadline.command.js';

@CommandHandler(RemindProjectDeadline)
export class RemindProjectDeadlineHandler implements ICommandHandler<RemindProjectDeadline> {
  constructor(@Inject(ProjectCommandRunner) private readonly projects: ProjectCommandRunner) {}

  execute({ projectId, deadlineId, remindAt, meta }: RemindProjectDeadline): Promise<ProjectWritten> {
    const build = (ctx: { actor: typeof meta.principal; now: Date }) => ({ type: 'remind_deadline' as const, projectId, deadlineId, ctx });
    return this.projects.run(projectId, 'project.remind_deadline', { deadlineId }, meta, build, remindAt);
  }
}
