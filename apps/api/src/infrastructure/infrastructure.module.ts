import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore, openEventStore } from '#event-store';
import { JwtService } from '#auth';
import { createJwtService } from '../auth/jwt-service.factory.js';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG, CLOCK, type Clock, LOGGER, READ_MODEL_DB } from './tokens.js';
import { CommandShell } from './cqrs/command-shell.js';
import { refondaUpcasters } from './upcasters.js';

/** Store, read-model file, clock, JWT: opened once, closed on shutdown (after in-flight requests). */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  static forRoot(config: AppConfig, logger: Logger, clock: Clock = { now: () => new Date() }) {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: CLOCK, useValue: clock },
        {
          provide: EVENT_STORE,
          useFactory: async () => {
            if (config.eventStore.kind === 'sqlite') mkdirSync(dirname(config.eventStore.sqlitePath!), { recursive: true });
            // The gRPC client is loaded only when EventStoreDB is chosen.
            else (await import('#event-store/eventstoredb/register')).registerEventStoreAdapter();
            return openEventStore(config.eventStore, refondaUpcasters());
          },
        },
        {
          provide: READ_MODEL_DB,
          useFactory: () => {
            mkdirSync(dirname(config.readModelPath), { recursive: true });
            const db = new Database(config.readModelPath);
            db.pragma('journal_mode = WAL');
            // Read models are rebuilt from the log: NORMAL is enough, checkpoints commit with the data.
            db.pragma('synchronous = NORMAL');
            return db;
          },
        },
        { provide: JwtService, useFactory: () => createJwtService(config.security, config.dataDir, () => clock.now()) },
        CommandShell,
      ],
      exports: [APP_CONFIG, LOGGER, CLOCK, EVENT_STORE, READ_MODEL_DB, JwtService, CommandShell],
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.store.close();
    this.readModels.close();
    this.logger.info({ signal }, 'event store and read models closed');
  }
}
