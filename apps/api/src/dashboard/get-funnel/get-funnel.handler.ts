import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { funnelAsOf, parseAsOf } from '#audit';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DashboardQueries, ProjectionRunner } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { parentTerritoryOf } from '../dashboard-filters.js';
import { type FunnelView, GetFunnel } from './get-funnel.query.js';

@QueryHandler(GetFunnel)
export class GetFunnelHandler implements IQueryHandler<GetFunnel> {
  constructor(
    @Inject(DashboardQueries) private readonly dashboard: DashboardQueries,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ within, minPosition, asOf }: GetFunnel): Promise<FunnelView> {
    if (asOf !== undefined) {
      const then = await funnelAsOf(this.store, parseAsOf(asOf), { within: parentTerritoryOf(within) });
      return { position: then.position, asOf: then.asOf, programs: then.programs };
    }
    await this.ryw.waitForPosition(minPosition);
    return { position: this.runner.position().toString(), programs: this.dashboard.funnel.byProgram(parentTerritoryOf(within)) };
  }
}
