import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { FundingProcessRunner } from '#processes';
import { DashboardStream } from '../dashboard/dashboard-stream.service.js';
import { DeadlinesService } from '../processes/deadlines/deadlines.service.js';
import { RefondaMetrics } from './refonda.metrics.js';

/** Sets the lag, failure and SSE-client gauges from this application's runners, at scrape time. */
@Injectable()
export class ConsumerGauges {
  constructor(
    private readonly metrics: RefondaMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(DeadlinesService) private readonly deadlines: DeadlinesService,
    @Inject(FundingProcessRunner) private readonly funding: FundingProcessRunner,
    @Inject(DashboardStream) private readonly stream: DashboardStream,
  ) {}

  async refresh(): Promise<void> {
    const head = await this.store.headPosition().catch(() => undefined);
    const consumers = [
      ...this.projections.status().map((p) => [`projection.${p.name}`, p] as const),
      ['process.deadlines', this.deadlines.status()] as const,
      ['process.funding', this.funding.status()] as const,
    ];
    for (const [consumer, status] of consumers) {
      if (head !== undefined) this.metrics.consumerLag.set({ consumer }, Number(head - BigInt(status.position)));
      this.metrics.consumerFailed.set({ consumer }, status.state === 'failed' ? 1 : 0);
    }
    this.metrics.sseClients.set(this.stream.size);
  }
}
