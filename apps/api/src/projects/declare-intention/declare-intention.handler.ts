import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { type CommandContext, eventIdFor } from '#kernel';
import { type ProjectCommand, type ProjectDecider, streamIdOf } from '#projects';
import { CommandShell } from '../../infrastructure/cqrs/command-shell.js';
import { PROJECT_DECIDER } from '../../programs/program-registry.provider.js';
import { ProjectCommandRunner } from '../project-command.runner.js';
import type { ProjectWritten } from '../project-written.js';
import { DeclareIntention } from './declare-intention.command.js';
import { HolderOrganisation } from './holder-organisation.js';

@CommandHandler(DeclareIntention)
export class DeclareIntentionHandler implements ICommandHandler<DeclareIntention> {
  constructor(
    @Inject(ProjectCommandRunner) private readonly projects: ProjectCommandRunner,
    @Inject(HolderOrganisation) private readonly holders: HolderOrganisation,
    @Inject(PROJECT_DECIDER) private readonly decider: ProjectDecider,
    @Inject(CommandShell) private readonly shell: CommandShell,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ projectId, intention, meta }: DeclareIntention): Promise<ProjectWritten> {
    // With an Idempotency-Key and no id, the id derives from the key: a retry targets the same project.
    const key = meta.idempotencyKey;
    const id = projectId ?? (key ? eventIdFor(`${meta.principal.id}\u0000${key}`, 0, 'declare_intention') : randomUUID());
    const { holder, ...rest } = intention;
    const declaration = (ctx: CommandContext): ProjectCommand => ({
      type: 'declare_intention',
      projectId: id,
      ...rest,
      holder: { organisationId: holder.organisationId, name: holder.name },
      ctx,
    });
    // Everything that could refuse the declaration is checked before its holder is registered: nothing is half-written.
    await this.shell.assertKeyFreeFor({ name: 'project.declare_intention', streamId: streamIdOf(id), inputs: intention, meta });
    const current = foldRecorded(this.decider, await this.store.readStream(streamIdOf(id)));
    const validate = (actor: CommandContext['actor']) =>
      void this.decider.decide(declaration({ actor, now: this.projects.now() }), current);
    const principal = await this.holders.actingFor(intention, meta, validate);
    return this.projects.run(id, 'project.declare_intention', intention, { ...meta, principal }, declaration);
  }
}
