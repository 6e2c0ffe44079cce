import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { DirectoryQueries, ProjectionRunner } from '#projections';
import { DomainError } from '#kernel';
import type { AppConfig } from '../../config/app.config.js';
import { APP_CONFIG } from '../../infrastructure/tokens.js';
import { DIRECTORY_QUERIES, DIRECTORY_RUNNER } from '../directory.tokens.js';
import { ListOrganisations } from './list-organisations.query.js';

@QueryHandler(ListOrganisations)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisations> {
  constructor(
    @Inject(DIRECTORY_QUERIES) private readonly directory: DirectoryQueries,
    @Inject(DIRECTORY_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ search, minPosition }: ListOrganisations) {
    if (minPosition !== undefined && !(await this.runner.waitFor(BigInt(minPosition), this.config.maxReadWaitMs))) {
      throw new DomainError('unavailable', 'READ_MODEL_BEHIND', `L’annuaire n’a pas atteint la position ${minPosition} ; réessayez.`);
    }
    return { items: this.directory.search(search), page: search.page, pageSize: search.pageSize };
  }
}
