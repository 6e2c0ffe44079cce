import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DashboardQueries, type DashboardSnapshot, ProjectionRunner } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { GetDashboardSummary } from './get-dashboard-summary.query.js';

@QueryHandler(GetDashboardSummary)
export class GetDashboardSummaryHandler implements IQueryHandler<GetDashboardSummary> {
  constructor(
    @Inject(DashboardQueries) private readonly dashboard: DashboardQueries,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ minPosition }: GetDashboardSummary): Promise<DashboardSnapshot> {
    await this.ryw.waitForPosition(minPosition);
    return this.dashboard.snapshot(this.runner.position(), this.clock.now());
  }
}
