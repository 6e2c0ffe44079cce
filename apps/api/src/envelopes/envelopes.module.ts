import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Module, type OnApplicationBootstrap, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { EnvelopeCommands } from './envelope-commands.service.js';
import { EnvelopeDirectory } from './envelope-directory.js';
import { EnvelopeOperationsHttp } from './envelope-operations.http.js';
import { GetEnvelopesHttp } from './get-envelopes.http.js';
import { captureEnvelopeRawBodies } from './raw-body.hook.js';

/** Envelope commands (finance/admin, Idempotency-Key, territory scope) and reads (folded streams, own directory). */
@Module({
  controllers: [EnvelopeOperationsHttp, GetEnvelopesHttp],
  providers: [
    EnvelopeCommands,
    {
      provide: EnvelopeDirectory,
      inject: [APP_CONFIG, EVENT_STORE],
      useFactory: (config: AppConfig, store: EventStore) => {
        mkdirSync(config.dataDir, { recursive: true });
        return new EnvelopeDirectory(join(config.dataDir, `envelope-directory-${config.replicaId}.sqlite`), store);
      },
    },
  ],
})
export class EnvelopesModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(EnvelopeDirectory) private readonly directory: EnvelopeDirectory,
  ) {}

  onModuleInit(): void {
    captureEnvelopeRawBodies(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }

  onApplicationBootstrap(): void {
    this.directory.start();
  }

  beforeApplicationShutdown(): void {
    this.directory.close();
  }
}
