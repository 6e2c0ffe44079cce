import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommandRunner } from '../project-command.runner.js';
import type { ProjectWritten } from '../project-written.js';
import { ExpireProjectDeadline } from './expire-deadline.command.js';

@CommandHandler(ExpireProjectDeadline)
export class ExpireProjectDeadlineHandler implements ICommandHandler<ExpireProjectDeadline> {
  constructor(@Inject(ProjectCommandRunner) private readonly projects: ProjectCommandRunner) {}

  execute({ projectId, deadlineId, dueAt, meta }: ExpireProjectDeadline): Promise<ProjectWritten> {
    const build = (ctx: { actor: typeof meta.principal; now: Date }) => ({ type: 'expire_deadline' as const, projectId, deadlineId, ctx });
    return this.projects.run(projectId, 'project.expire_deadline', { deadlineId }, meta, build, dueAt);
  }
}
