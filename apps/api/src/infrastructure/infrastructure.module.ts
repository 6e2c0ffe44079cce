import { dirname } from 'node:path';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { meteredEventStore } from '../metrics/metered-event-store.js';
import { RefondaMetrics } from '../metrics/refonda.metrics.js';
import { ConfigModule, ConfigService } from '@nestjs/config';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { createDataDirectory, EVENT_STORE, type EventStore, openEventStore, restrictDatabaseFile } from '#event-store';
import { JwtService } from '#auth';
import { createJwtService } from '../auth/jwt-service.factory.js';
import { type AppConfig, refondaConfig } from '../config/app.config.js';
import { APP_CONFIG, CLOCK, type Clock, LOGGER, READ_MODEL_DB } from './tokens.js';
import { CommandShell } from './cqrs/command-shell.js';
import { refondaUpcasters } from './upcasters.js';

/** Store, read-model file, clock, JWT: opened once, closed on shutdown (after in-flight requests). */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  static forRoot(config: AppConfig, logger: Logger, clock: Clock = { now: () => new Date() }) {
    // Before any provider: those that write into DATA_DIR (demo secret, checkpoints) would create it with the umask's mode.
    const eventLogDir = config.eventStore.kind === 'sqlite' ? [dirname(config.eventStore.sqlitePath!)] : [];
    for (const dir of new Set([config.dataDir, dirname(config.readModelPath), ...eventLogDir])) createDataDirectory(dir);
    return {
      module: InfrastructureModule,
      imports: [
        // Checked by the Environment schema before start (loadConfig); this app instance's config, never process.env.
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [refondaConfig(config)],
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useFactory: (c: ConfigService) => c.getOrThrow<AppConfig>('refonda'), inject: [ConfigService] },
        { provide: LOGGER, useValue: logger },
        { provide: CLOCK, useValue: clock },
        {
          provide: EVENT_STORE,
          inject: [{ token: RefondaMetrics, optional: true }],
          useFactory: async (metrics?: RefondaMetrics) => {
            // The gRPC client is loaded only when EventStoreDB is chosen.
            if (config.eventStore.kind === 'eventstoredb') (await import('#event-store/eventstoredb/register')).registerEventStoreAdapter();
            const store = await openEventStore(config.eventStore, refondaUpcasters(), metrics);
            return metrics ? meteredEventStore(store, metrics) : store;
          },
        },
        {
          provide: READ_MODEL_DB,
          useFactory: () => {
            restrictDatabaseFile(config.readModelPath);
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
