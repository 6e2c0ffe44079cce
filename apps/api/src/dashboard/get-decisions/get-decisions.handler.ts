import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalid } from '#kernel';
import { DashboardQueries, type DecisionRow, ProjectListQueries } from '#projections';
import { programOf } from '../dashboard-filters.js';
import { GetDecisions } from './get-decisions.query.js';

@QueryHandler(GetDecisions)
export class GetDecisionsHandler implements IQueryHandler<GetDecisions> {
  constructor(
    @Inject(DashboardQueries) private readonly dashboard: DashboardQueries,
    @Inject(ProjectListQueries) private readonly projects: ProjectListQueries,
  ) {}

  async execute({ principal, limit, program }: GetDecisions): Promise<{ items: DecisionRow[] }> {
    const n = limit === undefined || limit === '' ? 20 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 200) throw invalid('DASHBOARD_INVALID_QUERY', 'limit', 'an integer from 1 to 200');
    // A decision's project, motivation and author only for a caller who may read that project (the project policy).
    const mayRead = (projectId: string) => principal !== undefined && this.projects.canSee(principal, projectId);
    return { items: this.dashboard.decisions.recent(n, mayRead, programOf(program)) };
  }
}
