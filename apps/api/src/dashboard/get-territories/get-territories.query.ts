import { Query } from '@nestjs/cqrs';
import type { FunnelTerritoryRow } from '#projections';

/** The funnel per territory of `level` (région by default), under the territory `parent` (`<level>:<code>`), for `program`. */
export class GetTerritories extends Query<{ items: FunnelTerritoryRow[] }> {
  constructor(
    readonly level?: string,
    readonly parent?: string,
    readonly program?: string,
  ) {
    super();
  }
}
