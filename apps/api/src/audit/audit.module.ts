import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditExportsHttp } from './audit-exports.http.js';
import { AuditorReadOnlyGuard } from './auditor-read-only.guard.js';
import { EnvelopeHistoryHttp } from './envelope-history.http.js';
import { ProjectHistoryHttp } from './project-history.http.js';

/** Histories, exports, and the auditor's read-only rule. Verify, anchors and replay are CLI commands (`audit …`). */
@Module({
  controllers: [ProjectHistoryHttp, EnvelopeHistoryHttp, AuditExportsHttp],
  providers: [{ provide: APP_GUARD, useClass: AuditorReadOnlyGuard }],
})
export class AuditModule {}
