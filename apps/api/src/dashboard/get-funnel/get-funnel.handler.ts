import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { asOfLabel, funnelAsOf, parseAsOf } from '#audit';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DashboardQueries, ProjectionRunner } from '#projections';
import type { AppConfig } from '../../config/app.config.js';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { APP_CONFIG } from '../../infrastructure/tokens.js';
import { parentTerritoryOf } from '../dashboard-filters.js';
import { FunnelAsOfCache } from './funnel-as-of.cache.js';
import { type FunnelView, GetFunnel } from './get-funnel.query.js';

@QueryHandler(GetFunnel)
export class GetFunnelHandler implements IQueryHandler<GetFunnel> {
  /** An asOf fold replays the log from its start: answers are kept (FUNNEL_AS_OF_CACHE_SIZE). */
  private readonly pastFunnels: FunnelAsOfCache;

  constructor(
    @Inject(DashboardQueries) private readonly dashboard: DashboardQueries,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pastFunnels = new FunnelAsOfCache(config.limits.funnelAsOfCacheSize);
  }

  async execute({ within, minPosition, asOf }: GetFunnel): Promise<FunnelView> {
    if (asOf !== undefined) {
      const at = parseAsOf(asOf);
      const territory = parentTerritoryOf(within);
      const key = `${asOfLabel(at)} ${territory ?? ''}`;
      const head = await this.store.headPosition();
      const then = await this.pastFunnels.answer(key, head, () => funnelAsOf(this.store, at, { within: territory }));
      return { position: then.position, asOf: then.asOf, programs: then.programs, schoolLevels: then.schoolLevels };
    }
    await this.ryw.waitForPosition(minPosition);
    const territory = parentTerritoryOf(within);
    const { funnel } = this.dashboard;
    return {
      position: this.runner.position().toString(),
      programs: funnel.byProgram(territory),
      schoolLevels: funnel.schoolLevels(territory),
    };
  }
}
