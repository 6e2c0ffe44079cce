import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '#projections';
import { DIRECTORY_RUNNER } from '../directory/directory.tokens.js';
import { FundingProcessRunner, ReportDeadlineProcessRunner } from '#processes';
import { DeadlinesService } from '../processes/deadlines/deadlines.service.js';

export type ConsumerStatus = { state: string; position: string } & object;

/** Every consumer of the log, by the name health and metrics report it under: `projection.<name>`, `process.<name>`. */
@Injectable()
export class ConsumerStatuses {
  constructor(
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(DIRECTORY_RUNNER) private readonly directory: ProjectionRunner,
    @Inject(DeadlinesService) private readonly deadlines: DeadlinesService,
    @Inject(FundingProcessRunner) private readonly funding: FundingProcessRunner,
    @Inject(ReportDeadlineProcessRunner) private readonly reportDeadlines: ReportDeadlineProcessRunner,
  ) {}

  list(): [string, ConsumerStatus][] {
    return [
      ...[...this.projections.status(), ...this.directory.status()].map(({ name, ...p }): [string, ConsumerStatus] => [
        `projection.${name}`,
        p,
      ]),
      ['process.deadlines', this.deadlines.status()],
      ['process.funding', this.funding.status()],
      ['process.report_deadline', this.reportDeadlines.status()],
    ];
  }
}
