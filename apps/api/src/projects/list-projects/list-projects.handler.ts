import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectListQueries } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { ListProjects, type ProjectPage } from './list-projects.query.js';

@QueryHandler(ListProjects)
export class ListProjectsHandler implements IQueryHandler<ListProjects> {
  constructor(
    @Inject(ProjectListQueries) private readonly projects: ProjectListQueries,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
  ) {}

  async execute({ principal, filters, minPosition }: ListProjects): Promise<ProjectPage> {
    await this.ryw.waitForPosition(minPosition);
    const { items, total } = this.projects.search(principal, filters);
    return { items, page: filters.page, pageSize: filters.pageSize, total };
  }
}
