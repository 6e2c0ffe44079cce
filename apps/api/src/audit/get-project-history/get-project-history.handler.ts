import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { projectEvolution, readableProject, streamIdOf } from '#projects';
import { historyPage } from '../history-page.js';
import { GetProjectHistory, type ProjectHistory } from './get-project-history.query.js';

@QueryHandler(GetProjectHistory)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId: id, principal, paging }: GetProjectHistory): Promise<ProjectHistory> {
    const streamId = streamIdOf(id);
    const history = await this.store.readStream(streamId);
    readableProject(principal, id, foldRecorded(projectEvolution, history));
    return { projectId: id, ...historyPage(streamId, history, paging) };
  }
}
