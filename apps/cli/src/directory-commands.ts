import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { pino } from 'pino';
import { type AppConfig, loadConfig } from '../../api/src/config/app.config.js';
import { GrantAccessHandler } from '../../api/src/directory/grant-access/grant-access.handler.js';
import { RevokeAccessHandler } from '../../api/src/directory/revoke-access/revoke-access.handler.js';
import { InfrastructureModule } from '../../api/src/infrastructure/infrastructure.module.js';

/** The API's own directory command handlers on the configured store: the CLI sends the commands HTTP sends. */
@Module({})
class CliDirectoryModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliDirectoryModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(config, pino({ level: 'silent' }))],
      providers: [GrantAccessHandler, RevokeAccessHandler],
    };
  }
}

export async function withDirectoryCommands<T>(run: (commands: CommandBus, config: AppConfig) => Promise<T>): Promise<T> {
  // The CLI serves nothing: the HTTP variables of the environment it shares with the API are not its concern.
  const { PORT: _port, HOST: _host, ...env } = process.env;
  const config = loadConfig(env);
  const context = await NestFactory.createApplicationContext(CliDirectoryModule.forRoot(config), { logger: false });
  try {
    return await run(context.get(CommandBus), config);
  } finally {
    await context.close();
  }
}
