import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandMeta } from '#kernel';
import { type ProjectCommand, type ProjectDecider, streamIdOf } from '#projects';
import { CommandShell } from '../infrastructure/cqrs/command-shell.js';
import { PROJECT_DECIDER } from '../programs/program-registry.provider.js';
import { type ProjectWritten, projectWritten } from './project-written.js';

/** What every project command handler does: build the domain command with its context, and run it on the project's stream. */
@Injectable()
export class ProjectCommandRunner {
  constructor(
    @Inject(CommandShell) private readonly shell: CommandShell,
    @Inject(PROJECT_DECIDER) private readonly decider: ProjectDecider,
  ) {}

  now(): Date {
    return this.shell.now();
  }

  async run(
    projectId: string,
    name: string,
    inputs: unknown,
    meta: CommandMeta,
    build: (ctx: CommandContext) => ProjectCommand,
    at?: Date,
  ): Promise<ProjectWritten> {
    const now = at ?? this.shell.now();
    const command = build({ actor: meta.principal, now });
    // The processes (role system) write on the same streams as one another and as people, each reacting to the log: a
    // concurrent write is re-read and re-decided (the decision is checked again on the new state) instead of stopping them.
    const retries = meta.principal.role === 'system' ? { retries: 3 } : {};
    const streamId = streamIdOf(projectId);
    const result = await this.shell.run({ streamId, decider: this.decider, command, name, inputs, meta, ...retries }, now);
    return projectWritten(projectId, result);
  }
}
