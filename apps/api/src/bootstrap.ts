import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app.config.js';
import { requestValidationPipe } from './errors/validation.pipe.js';
import { guardHttpInput } from './http/http-input.js';
import { fastifyOptions, registerHttpLimits } from './http/limits/register-http-limits.js';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import { requestIdOf } from './infrastructure/pino.logger.js';
import { RefondaMetrics } from './metrics/refonda.metrics.js';
import type { Clock } from './infrastructure/tokens.js';

/** Builds the application (used by main.ts and by end-to-end tests, which pass their own clock). */
export async function createApp(config: AppConfig, logger: Logger, clock?: Clock): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ ...fastifyOptions(config.limits), genReqId: requestIdOf });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger, clock), adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false, // http-input.ts registers the one JSON parser
  });
  app.useLogger(app.get(NestPinoLogger));
  const metrics = app.get(RefondaMetrics);
  await registerHttpLimits(app, config.limits, (kind) => metrics.refused(kind));
  guardHttpInput(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(requestValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Refonda API')
      .setDescription('Lifecycle and funding of CNR projects (Notre école, faisons-la ensemble / FIP; CNR santé / FIR), event-sourced.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
