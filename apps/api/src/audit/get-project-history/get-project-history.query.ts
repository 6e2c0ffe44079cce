import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { HistoryPage, HistoryPaging } from '../history-page.js';

export interface ProjectHistory extends HistoryPage {
  projectId: string;
}

/** A page of a project's every event, read from the log, if the principal may see the project. */
export class GetProjectHistory extends Query<ProjectHistory> {
  constructor(
    readonly projectId: string,
    readonly principal: Actor,
    readonly paging: HistoryPaging,
  ) {
    super();
  }
}
