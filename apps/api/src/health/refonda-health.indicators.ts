import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ConsumerStatus, ConsumerStatuses } from './consumer-statuses.js';

/** The store, each projection and each process as a terminus health indicator; lag is in events behind the log's head. */
@Injectable()
export class RefondaHealthIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consumers: ConsumerStatuses,
  ) {}

  /** Readiness: one head read shared by every indicator of the check. */
  readiness(): HealthIndicatorFunction[] {
    const head = this.store.headPosition();
    head.catch(() => undefined); // reported by the store indicator
    const consumers = this.consumers.list();
    return [
      () => this.storeCheck(head),
      ...consumers.map(
        ([key, report]) =>
          () =>
            this.consumerCheck(key, report, head),
      ),
    ];
  }

  private async storeCheck(head: Promise<bigint>) {
    const check = this.indicators.check('store');
    try {
      return check.up({ headPosition: (await head).toString() });
    } catch (error) {
      return check.down({ error: (error as Error).message });
    }
  }

  private async consumerCheck(key: string, report: ConsumerStatus, head: Promise<bigint>) {
    const check = this.indicators.check(key);
    const lag = await head.then(
      (h) => Number(h - BigInt(report.position)),
      () => null,
    );
    return report.state === 'failed' ? check.down({ lag, ...report }) : check.up({ lag, ...report });
  }
}
