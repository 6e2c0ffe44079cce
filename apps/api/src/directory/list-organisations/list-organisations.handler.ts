import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { DirectoryQueries, ProjectionRunner } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { DIRECTORY_QUERIES, DIRECTORY_RUNNER } from '../directory.tokens.js';
import { ListOrganisations } from './list-organisations.query.js';

@QueryHandler(ListOrganisations)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisations> {
  constructor(
    @Inject(DIRECTORY_QUERIES) private readonly directory: DirectoryQueries,
    @Inject(DIRECTORY_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
  ) {}

  async execute({ search, minPosition }: ListOrganisations) {
    await this.ryw.waitForPosition(minPosition, this.runner);
    return { items: this.directory.search(search), page: search.page, pageSize: search.pageSize };
  }
}
