import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '#event-store';
import { FundingProcessRunner } from '#processes';
import type { AppConfig } from '../../config/app.config.js';
import { EnvelopesModule } from '../../envelopes/envelopes.module.js';
import { APP_CONFIG, LOGGER } from '../../infrastructure/tokens.js';
import { FundingCommandsOnTheBus } from './funding-commands.bus.js';
import { GetProjectFundingHandler } from './get-project-funding/get-project-funding.handler.js';
import { GetProjectMoneyHandler } from './get-project-money/get-project-money.handler.js';
import { ProjectFundingHttp } from './project-funding.http.js';

/**
 * The funding process of this replica (checkpoint and records in DATA_DIR/funding-process-<replica>.sqlite), the
 * envelope endpoints, GET /projects/:id/funding and where a project's money is (its history's query); imported by the
 * application, whose GET /health shows its status.
 */
@Module({
  imports: [EnvelopesModule],
  controllers: [ProjectFundingHttp],
  providers: [
    GetProjectFundingHandler,
    GetProjectMoneyHandler,
    FundingCommandsOnTheBus,
    {
      provide: FundingProcessRunner,
      inject: [EVENT_STORE, APP_CONFIG, LOGGER, FundingCommandsOnTheBus],
      useFactory: (store: EventStore, config: AppConfig, logger: Logger, commands: FundingCommandsOnTheBus) => {
        mkdirSync(config.dataDir, { recursive: true });
        return new FundingProcessRunner({
          store,
          commands,
          checkpointPath: join(config.dataDir, `funding-process-${config.replicaId}.sqlite`),
          logger: logger.child({ component: 'funding-process' }),
        });
      },
    },
  ],
  exports: [FundingProcessRunner],
})
export class FundingModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(FundingProcessRunner) private readonly runner: FundingProcessRunner) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.close();
  }
}
