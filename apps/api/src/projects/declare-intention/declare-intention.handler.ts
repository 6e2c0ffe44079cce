import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { eventIdFor } from '#kernel';
import { ProjectCommandRunner } from '../project-command.runner.js';
import type { ProjectWritten } from '../project-written.js';
import { DeclareIntention } from './declare-intention.command.js';

@CommandHandler(DeclareIntention)
export class DeclareIntentionHandler implements ICommandHandler<DeclareIntention> {
  constructor(@Inject(ProjectCommandRunner) private readonly projects: ProjectCommandRunner) {}

  execute({ projectId, intention, meta }: DeclareIntention): Promise<ProjectWritten> {
    // With an Idempotency-Key and no id, the id derives from the key: a retry targets the same project.
    const key = meta.idempotencyKey;
    const id = projectId ?? (key ? eventIdFor(`${meta.principal.id}\u0000${key}`, 0, 'declare_intention') : randomUUID());
    return this.projects.run(id, 'project.declare_intention', intention, meta, (ctx) => ({
      type: 'declare_intention',
      projectId: id,
      ...intention,
      ctx,
    }));
  }
}
