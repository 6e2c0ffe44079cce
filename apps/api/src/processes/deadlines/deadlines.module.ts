import { type BeforeApplicationShutdown, Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ReportDeadlineProcessRunner } from '#processes';
import { LOGGER } from '../../infrastructure/tokens.js';
import { DeadlinesService } from './deadlines.service.js';
import { ReportDeadlineCommandsOnTheBus } from './report-deadline-commands.bus.js';

/**
 * Durable deadlines in the API process (see DeadlinesService), imported by the application so that /health reports its
 * status; tests call `app.get(DeadlinesService).tick()` after moving the fake clock. With them, the report deadline
 * process (its checkpoint in the same processes file): an award act fully signed, amended or cancelled opens, moves or
 * lifts its project's compte rendu financier deadline, through the projects' commands.
 */
@Module({
  providers: [
    DeadlinesService,
    ReportDeadlineCommandsOnTheBus,
    {
      provide: ReportDeadlineProcessRunner,
      inject: [EVENT_STORE, LOGGER, ReportDeadlineCommandsOnTheBus, DeadlinesService],
      useFactory: (store: EventStore, logger: Logger, commands: ReportDeadlineCommandsOnTheBus, deadlines: DeadlinesService) =>
        new ReportDeadlineProcessRunner({
          store,
          commands,
          checkpointPath: deadlines.checkpointFile,
          logger: logger.child({ component: 'report-deadline-process' }),
        }),
    },
  ],
  exports: [DeadlinesService, ReportDeadlineProcessRunner],
})
export class DeadlinesModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(ReportDeadlineProcessRunner) private readonly reportDeadlines: ReportDeadlineProcessRunner) {}

  onApplicationBootstrap(): void {
    this.reportDeadlines.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.reportDeadlines.close();
  }
}
