import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { projectEvolution, streamIdOf } from '#projects';
import { canSeeProject } from '#audit';
import { historyPage } from '../history-page.js';
import { GetProjectHistory, type ProjectHistory } from './get-project-history.query.js';

@QueryHandler(GetProjectHistory)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId: id, principal, paging }: GetProjectHistory): Promise<ProjectHistory> {
    const streamId = streamIdOf(id);
    const history = await this.store.readStream(streamId);
    const project = foldRecorded(projectEvolution, history);
    if (!project.exists) throw new DomainError('not_found', 'PROJECT_NOT_FOUND', `Le projet ${id} n’existe pas.`, { projectId: id });
    if (!canSeeProject(principal, project)) {
      throw new DomainError('forbidden', 'PROJECT_OUT_OF_SCOPE', `Le projet ${id} est hors de votre territoire ou de votre organisation.`, {
        projectId: id,
      });
    }
    return { projectId: id, ...historyPage(streamId, history, paging) };
  }
}
