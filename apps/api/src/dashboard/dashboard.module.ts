import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { DashboardQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { DashboardAccessGuard } from './dashboard-access.guard.js';
import { DashboardPageController } from './dashboard-page.controller.js';
import { DashboardStream } from './dashboard-stream.service.js';
import { DashboardController } from './dashboard.controller.js';

/** The dashboard: JSON figures under /dashboard/*, the live stream, and the page at /. */
@Module({
  controllers: [DashboardController, DashboardPageController],
  providers: [
    DashboardAccessGuard,
    DashboardStream,
    ReadYourWrites,
    { provide: DashboardQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new DashboardQueries(db) },
  ],
  exports: [DashboardStream],
})
export class DashboardModule {}
