import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DashboardQueries } from '#projections';
import { CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { programOf, territoryLevelOf } from '../dashboard-filters.js';
import { GetWorkload, type WorkloadView } from './get-workload.query.js';

@QueryHandler(GetWorkload)
export class GetWorkloadHandler implements IQueryHandler<GetWorkload> {
  constructor(
    @Inject(DashboardQueries) private readonly dashboard: DashboardQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ level, program }: GetWorkload): Promise<WorkloadView> {
    const now = this.clock.now();
    return {
      asOf: now.toISOString(),
      items: this.dashboard.workload.byTerritory(territoryLevelOf(level, 'region'), now, programOf(program)),
    };
  }
}
