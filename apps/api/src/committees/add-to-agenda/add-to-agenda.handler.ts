import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AgendaProject, partiesOfProject } from '#committees';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { projectEvolution, projectNotFound, streamIdOf } from '#projects';
import { SessionCommandRunner } from '../session-command.runner.js';
import type { Written } from '../session-written.js';
import { AddToCommitteeAgenda } from './add-to-agenda.command.js';

@CommandHandler(AddToCommitteeAgenda)
export class AddToCommitteeAgendaHandler implements ICommandHandler<AddToCommitteeAgenda> {
  constructor(
    @Inject(SessionCommandRunner) private readonly sessions: SessionCommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The project as its stream says now: program, state, territory and parties (holder, co-holders, partners). */
  async execute({ sessionId, projectId, meta }: AddToCommitteeAgenda): Promise<Written> {
    const project = await this.agendaProject(projectId);
    return this.sessions.run(sessionId, 'committee.add_to_agenda', { projectId }, meta, (ctx, interests) => ({
      type: 'AddToAgenda',
      sessionId,
      project,
      interests,
      ctx,
    }));
  }

  private async agendaProject(projectId: string): Promise<AgendaProject> {
    const state = foldRecorded(projectEvolution, await this.store.readStream(streamIdOf(projectId)));
    if (!state.exists) throw projectNotFound(projectId);
    const { program, status, content } = state;
    return { projectId, program, status, territory: content.territory, parties: partiesOfProject(state) };
  }
}
