import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { AuthGuard } from '#auth';
import { AuditModule } from './audit/audit.module.js';
import { AwardActsModule } from './award-acts/award-acts.module.js';
import { CommitteesModule } from './committees/committees.module.js';
import type { AppConfig } from './config/app.config.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { DelegationsModule } from './delegations/delegations.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { ProblemDetailsFilter } from './errors/problem-details.filter.js';
import { HealthModule } from './health/health.module.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { requestLogging } from './infrastructure/pino.logger.js';
import type { Clock } from './infrastructure/tokens.js';
import { ReadModelsModule } from './projections/read-models.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { DeadlinesModule } from './processes/deadlines/deadlines.module.js';
import { FundingModule } from './processes/funding/funding-process.module.js';
import { ProgramsModule } from './programs/programs.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        requestLogging(logger),
        InfrastructureModule.forRoot(config, logger, clock),
        ReadModelsModule,
        DirectoryModule,
        ProjectsModule,
        DashboardModule,
        AuditModule,
        ProgramsModule,
        DelegationsModule,
        AwardActsModule,
        FundingModule,
        CommitteesModule,
        DeadlinesModule,
        HealthModule,
        MetricsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
