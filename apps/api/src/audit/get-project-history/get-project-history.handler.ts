import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { moneyHistoryEntries } from '#audit';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { projectEvolution, readableProject, streamIdOf } from '#projects';
import { GetProjectMoney } from '../../processes/funding/get-project-money/get-project-money.query.js';
import { historyPage } from '../history-page.js';
import { directoryNamesOf } from './directory-names.js';
import { GetProjectHistory, type ProjectHistory } from './get-project-history.query.js';

/** The project's stream, and with it (in log order) its money: its award act's events and its commitment's, names resolved. */
@QueryHandler(GetProjectHistory)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  async execute({ projectId: id, principal, paging }: GetProjectHistory): Promise<ProjectHistory> {
    const streamId = streamIdOf(id);
    const history = await this.store.readStream(streamId);
    readableProject(principal, id, foldRecorded(projectEvolution, history));
    const money = await this.queries.execute(new GetProjectMoney(id));
    const names = await directoryNamesOf(this.queries, money.events, principal);
    const entries = moneyHistoryEntries(money.events, names, money.envelopeLabels);
    return { projectId: id, ...historyPage(streamId, history, paging, entries) };
  }
}
