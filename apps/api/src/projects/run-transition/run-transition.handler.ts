import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ProjectCommand } from '#projects';
import { ProjectCommandRunner } from '../project-command.runner.js';
import type { ProjectWritten } from '../project-written.js';
import { RunProjectTransition } from './run-transition.command.js';

@CommandHandler(RunProjectTransition)
export class RunProjectTransitionHandler implements ICommandHandler<RunProjectTransition> {
  constructor(@Inject(ProjectCommandRunner) private readonly projects: ProjectCommandRunner) {}

  execute({ projectId, transition, meta, at }: RunProjectTransition): Promise<ProjectWritten> {
    const { type, ...inputs } = transition;
    return this.projects.run(
      projectId,
      `project.${type}`,
      inputs,
      meta,
      (ctx) => ({ ...transition, projectId, ctx }) as ProjectCommand,
      at,
    );
  }
}
