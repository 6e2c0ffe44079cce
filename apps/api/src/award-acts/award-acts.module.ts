import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EnvelopeBalanceQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { AmendAwardActHandler, CountersignAwardActAmendmentHandler } from './amend-award-act/amend-award-act.handler.js';
import { AmendAwardActHttp } from './amend-award-act/amend-award-act.http.js';
import { AwardActCommandRunner } from './award-act-command.runner.js';
import { AwardActEnvelopes } from './award-act-envelopes.js';
import { AwardActPayeeResolver } from './award-act-payee.js';
import { AwardActReader } from './award-act.reader.js';
import { CancelAwardActHandler } from './cancel-award-act/cancel-award-act.handler.js';
import { CountersignAwardActHandler } from './countersign-award-act/countersign-award-act.handler.js';
import { DraftAwardActHandler } from './draft-award-act/draft-award-act.handler.js';
import { DraftAwardActHttp } from './draft-award-act/draft-award-act.http.js';
import { GetAwardActHandler, ProposeAwardActEnvelopesHandler } from './get-award-act/get-award-act.handler.js';
import { GetAwardActHttp } from './get-award-act/get-award-act.http.js';
import { OpenAwardActReviewHandler } from './review-report/open-review.handler.js';
import { ReviewAwardActReportHandler } from './review-report/review-report.handler.js';
import { SignAwardActHandler } from './sign-award-act/sign-award-act.handler.js';
import { SignAwardActHttp } from './sign-award-act/sign-award-act.http.js';

/** Award acts (issue 15 §1): drafted by finance, signed under the delegations, countersigned for a convention. */
@Module({
  imports: [ProjectsModule],
  controllers: [DraftAwardActHttp, SignAwardActHttp, AmendAwardActHttp, GetAwardActHttp],
  providers: [
    AwardActCommandRunner,
    AwardActReader,
    AwardActEnvelopes,
    AwardActPayeeResolver,
    DraftAwardActHandler,
    SignAwardActHandler,
    CountersignAwardActHandler,
    CancelAwardActHandler,
    AmendAwardActHandler,
    CountersignAwardActAmendmentHandler,
    ReviewAwardActReportHandler,
    OpenAwardActReviewHandler,
    GetAwardActHandler,
    ProposeAwardActEnvelopesHandler,
    ReadYourWrites,
    { provide: EnvelopeBalanceQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new EnvelopeBalanceQueries(db) },
  ],
  exports: [AwardActReader],
})
export class AwardActsModule {}
