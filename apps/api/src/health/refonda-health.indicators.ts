import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { FundingProcessRunner } from '#processes';
import { DeadlinesService } from '../processes/deadlines/deadlines.service.js';

type ConsumerReport = { state: string; position: string } & object;

/** The store, each projection and each process as a terminus health indicator; lag is in events behind the log's head. */
@Injectable()
export class RefondaHealthIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(DeadlinesService) private readonly deadlines: DeadlinesService,
    @Inject(FundingProcessRunner) private readonly funding: FundingProcessRunner,
  ) {}

  /** Readiness: one head read shared by every indicator of the check. */
  readiness(): HealthIndicatorFunction[] {
    const head = this.store.headPosition();
    head.catch(() => undefined); // reported by the store indicator
    const consumers: [string, ConsumerReport][] = this.projections.status().map(({ name, ...p }) => [`projection.${name}`, p]);
    consumers.push(['process.deadlines', this.deadlines.status()], ['process.funding', this.funding.status()]);
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

  private async consumerCheck(key: string, report: ConsumerReport, head: Promise<bigint>) {
    const check = this.indicators.check(key);
    const lag = await head.then(
      (h) => Number(h - BigInt(report.position)),
      () => null,
    );
    return report.state === 'failed' ? check.down({ lag, ...report }) : check.up({ lag, ...report });
  }
}
