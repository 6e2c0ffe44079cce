import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalid } from '#kernel';
import { DashboardQueries, type SeriesPoint } from '#projections';
import { GetSeries } from './get-series.query.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@QueryHandler(GetSeries)
export class GetSeriesHandler implements IQueryHandler<GetSeries> {
  constructor(@Inject(DashboardQueries) private readonly dashboard: DashboardQueries) {}

  async execute({ from, to, scope }: GetSeries): Promise<{ items: SeriesPoint[] }> {
    for (const [field, v] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (v && !DAY.test(v)) throw invalid('DASHBOARD_INVALID_QUERY', field, 'YYYY-MM-DD');
    }
    return { items: this.dashboard.series.points({ from: from || undefined, to: to || undefined, scope: scope || undefined }) };
  }
}
