import { Query } from '@nestjs/cqrs';
import type { DashboardSnapshot } from '#projections';

/** Everything the dashboard shows at the read models' position (what the stream sends), once they reach `minPosition`. */
export class GetDashboardSummary extends Query<DashboardSnapshot> {
  constructor(readonly minPosition?: string) {
    super();
  }
}
