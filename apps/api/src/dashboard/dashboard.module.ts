import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { DashboardQueries, ProjectListQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { DashboardAccessGuard } from './dashboard-access.guard.js';
import { DashboardPageController } from './dashboard-page.controller.js';
import { DashboardStreamController } from './dashboard-stream.controller.js';
import { DashboardStream } from './dashboard-stream.service.js';
import { GetDashboardSummaryHandler } from './get-dashboard-summary/get-dashboard-summary.handler.js';
import { GetDashboardSummaryHttp } from './get-dashboard-summary/get-dashboard-summary.http.js';
import { GetDecisionsHandler } from './get-decisions/get-decisions.handler.js';
import { GetDecisionsHttp } from './get-decisions/get-decisions.http.js';
import { GetEnvelopeBalancesHandler } from './get-envelope-balances/get-envelope-balances.handler.js';
import { GetEnvelopeBalancesHttp } from './get-envelope-balances/get-envelope-balances.http.js';
import { GetFunnelHandler } from './get-funnel/get-funnel.handler.js';
import { GetFunnelHttp } from './get-funnel/get-funnel.http.js';
import { GetSeriesHandler } from './get-series/get-series.handler.js';
import { GetSeriesHttp } from './get-series/get-series.http.js';
import { GetTerritoriesHandler } from './get-territories/get-territories.handler.js';
import { GetTerritoriesHttp } from './get-territories/get-territories.http.js';
import { GetWorkflowDiagramsHandler } from './get-workflow-diagrams/get-workflow-diagrams.handler.js';
import { GetWorkflowDiagramsHttp } from './get-workflow-diagrams/get-workflow-diagrams.http.js';
import { GetWorkloadHandler } from './get-workload/get-workload.handler.js';
import { GetWorkloadHttp } from './get-workload/get-workload.http.js';

/** The dashboard: JSON figures under /dashboard/*, each a query slice; the live stream; and the page at /. */
@Module({
  imports: [ProgramsModule],
  controllers: [
    GetDashboardSummaryHttp,
    GetFunnelHttp,
    GetTerritoriesHttp,
    GetEnvelopeBalancesHttp,
    GetWorkloadHttp,
    GetDecisionsHttp,
    GetSeriesHttp,
    GetWorkflowDiagramsHttp,
    DashboardStreamController,
    DashboardPageController,
  ],
  providers: [
    GetDashboardSummaryHandler,
    GetFunnelHandler,
    GetTerritoriesHandler,
    GetEnvelopeBalancesHandler,
    GetWorkloadHandler,
    GetDecisionsHandler,
    GetSeriesHandler,
    GetWorkflowDiagramsHandler,
    DashboardAccessGuard,
    DashboardStream,
    ReadYourWrites,
    { provide: DashboardQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new DashboardQueries(db) },
    { provide: ProjectListQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new ProjectListQueries(db) },
  ],
  exports: [DashboardStream],
})
export class DashboardModule {}
