import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DashboardQueries, type FunnelTerritoryRow } from '#projections';
import { parentTerritoryOf, programOf, territoryLevelOf } from '../dashboard-filters.js';
import { GetTerritories } from './get-territories.query.js';

@QueryHandler(GetTerritories)
export class GetTerritoriesHandler implements IQueryHandler<GetTerritories> {
  constructor(@Inject(DashboardQueries) private readonly dashboard: DashboardQueries) {}

  async execute({ level, parent, program }: GetTerritories): Promise<{ items: FunnelTerritoryRow[] }> {
    const filter = { level: territoryLevelOf(level, 'region'), parent: parentTerritoryOf(parent), program: programOf(program) };
    return { items: this.dashboard.funnel.territories(filter) };
  }
}
