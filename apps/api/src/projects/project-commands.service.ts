import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore, handleCommand, type HandleCommandResult } from '#event-store';
import { type Actor, eventIdFor } from '#kernel';
import { type ProjectCommand, projectDecider, type ProjectState, streamIdOf } from '#projects';
import type { AppConfig } from '../config/app.config.js';
import { commandContext, commandMetadata, idempotencyKeyOf, ifMatchOf } from '../http/command-context.js';
import { APP_CONFIG, CLOCK, type Clock } from '../infrastructure/tokens.js';

type WithoutContext<C> = C extends unknown ? Omit<C, 'ctx'> : never;

/** The thin shell of every project command: read → fold → decide → append with the expected revision. */
@Injectable()
export class ProjectCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(request: FastifyRequest, actor: Actor, command: WithoutContext<ProjectCommand>): Promise<HandleCommandResult<ProjectState>> {
    const ctx = commandContext(actor, this.clock.now());
    const streamId = streamIdOf(command.projectId);
    const key = idempotencyKeyOf(request);
    return handleCommand({
      store: this.store,
      streamId,
      decider: projectDecider,
      command: { ...command, ctx } as ProjectCommand,
      metadata: commandMetadata(request, ctx, this.config.replicaId),
      ifMatch: ifMatchOf(request),
      ...(key ? { eventId: (i: number) => eventIdFor(`${actor.id}\u0000${key}`, i, streamId), replayByEventIds: true } : {}),
    });
  }
}
