import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { ContentChanges } from '#projects';
import type { ProjectWritten } from '../project-written.js';

/** The holder edits the dossier (while drafting or completing it). */
export class EditProjectContent extends Command<ProjectWritten> {
  constructor(
    readonly projectId: string,
    readonly changes: ContentChanges,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
