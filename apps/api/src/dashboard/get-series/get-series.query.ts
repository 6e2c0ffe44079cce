import { Query } from '@nestjs/cqrs';
import type { SeriesPoint } from '#projections';

/** Daily counts and amounts from `from` to `to` (YYYY-MM-DD, both optional), for one `scope` (a program or a fund) or all. */
export class GetSeries extends Query<{ items: SeriesPoint[] }> {
  constructor(
    readonly from?: string,
    readonly to?: string,
    readonly scope?: string,
  ) {
    super();
  }
}
