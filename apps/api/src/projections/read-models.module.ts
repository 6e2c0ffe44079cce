import { Global, Inject, Module, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { LOGGER, READ_MODEL_DB } from '../infrastructure/tokens.js';
import { readModelProjections } from './all-projections.js';

/** Infrastructure: runs every read model from the store's subscription, with checkpoints in the read-model file (global: every
 * context's read-your-writes waits on it). */
@Global()
@Module({
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_MODEL_DB, LOGGER],
      useFactory: (store: EventStore, db: Database.Database, logger: Logger) =>
        new ProjectionRunner(store, db, readModelProjections(), logger.child({ component: 'projections' })),
    },
  ],
  exports: [ProjectionRunner],
})
export class ReadModelsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(ProjectionRunner) private readonly runner: ProjectionRunner) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  beforeApplicationShutdown(): void {
    this.runner.stop();
  }
}
