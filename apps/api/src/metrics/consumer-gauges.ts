import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DashboardStream } from '../dashboard/dashboard-stream.service.js';
import { ConsumerStatuses } from '../health/consumer-statuses.js';
import { RefondaMetrics } from './refonda.metrics.js';

/** Sets the lag, failure and SSE-client gauges from this application's runners, at scrape time. */
@Injectable()
export class ConsumerGauges {
  constructor(
    private readonly metrics: RefondaMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consumers: ConsumerStatuses,
    @Inject(DashboardStream) private readonly stream: DashboardStream,
  ) {}

  async refresh(): Promise<void> {
    const head = await this.store.headPosition().catch(() => undefined);
    for (const [consumer, status] of this.consumers.list()) {
      if (head !== undefined) this.metrics.consumerLag.set({ consumer }, Number(head - BigInt(status.position)));
      this.metrics.consumerFailed.set({ consumer }, status.state === 'failed' ? 1 : 0);
    }
    this.metrics.sseClients.set(this.stream.size);
  }
}
