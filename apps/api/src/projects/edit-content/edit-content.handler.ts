import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommandRunner } from '../project-command.runner.js';
import type { ProjectWritten } from '../project-written.js';
import { EditProjectContent } from './edit-content.command.js';

@CommandHandler(EditProjectContent)
export class EditProjectContentHandler implements ICommandHandler<EditProjectContent> {
  constructor(@Inject(ProjectCommandRunner) private readonly projects: ProjectCommandRunner) {}

  execute({ projectId, changes, meta }: EditProjectContent): Promise<ProjectWritten> {
    return this.projects.run(projectId, 'project.edit_content', changes, meta, (ctx) => ({
      type: 'edit_content',
      projectId,
      changes,
      ctx,
    }));
  }
}
