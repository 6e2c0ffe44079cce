import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type Database from 'better-sqlite3';
import { ProjectListQueries } from '#projections';
import { AuditorReadOnlyGuard } from './auditor-read-only.guard.js';
import { ExportLedgerHandler } from './export-ledger/export-ledger.handler.js';
import { ExportLedgerHttp } from './export-ledger/export-ledger.http.js';
import { ExportLedgerXlsxHandler } from './export-ledger-xlsx/export-ledger-xlsx.handler.js';
import { ExportLedgerXlsxHttp } from './export-ledger-xlsx/export-ledger-xlsx.http.js';
import { ExportLogHandler } from './export-log/export-log.handler.js';
import { ExportLogHttp } from './export-log/export-log.http.js';
import { GetEnvelopeHistoryHandler } from './get-envelope-history/get-envelope-history.handler.js';
import { GetEnvelopeHistoryHttp } from './get-envelope-history/get-envelope-history.http.js';
import { GetProjectHistoryHandler } from './get-project-history/get-project-history.handler.js';
import { GetProjectHistoryHttp } from './get-project-history/get-project-history.http.js';
import { ListDelegatedDecisionsHandler } from './list-delegated-decisions/list-delegated-decisions.handler.js';
import { ListDelegatedDecisionsHttp } from './list-delegated-decisions/list-delegated-decisions.http.js';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';

/**
 * Histories, exports (each a query slice), and the auditor's read-only rule. Verify, anchors and replay are CLI
 * commands (`audit …`).
 */
@Module({
  controllers: [
    GetProjectHistoryHttp,
    GetEnvelopeHistoryHttp,
    ExportLedgerHttp,
    ExportLedgerXlsxHttp,
    ExportLogHttp,
    ListDelegatedDecisionsHttp,
  ],
  providers: [
    GetProjectHistoryHandler,
    GetEnvelopeHistoryHandler,
    ExportLedgerHandler,
    ExportLedgerXlsxHandler,
    ExportLogHandler,
    ListDelegatedDecisionsHandler,
    ReadYourWrites,
    { provide: ProjectListQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new ProjectListQueries(db) },
    { provide: APP_GUARD, useClass: AuditorReadOnlyGuard },
  ],
})
export class AuditModule {}
