import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { DelegationListQueries, ProjectListQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { DeclareIntentionHandler } from './declare-intention/declare-intention.handler.js';
import { DeclareIntentionHttp } from './declare-intention/declare-intention.http.js';
import { HolderOrganisation } from './declare-intention/holder-organisation.js';
import { EditProjectContentHandler } from './edit-content/edit-content.handler.js';
import { EditContentHttp } from './edit-content/edit-content.http.js';
import { ExpireProjectDeadlineHandler } from './expire-deadline/expire-deadline.handler.js';
import { GetProjectHandler } from './get-project/get-project.handler.js';
import { GetProjectHttp } from './get-project/get-project.http.js';
import { ListProjectsHandler } from './list-projects/list-projects.handler.js';
import { ListProjectsHttp } from './list-projects/list-projects.http.js';
import { ProjectCommandRunner } from './project-command.runner.js';
import { DecisionSigning } from './sign-decision/decision-signing.js';
import { ProjectSettlement } from './close/project-settlement.js';
import { SignatoryAuthority } from './sign-decision/signing-authority.service.js';
import { RemindProjectDeadlineHandler } from './remind-deadline/remind-deadline.handler.js';
import { CancelProjectReportDeadlineHandler } from './cancel-report-deadline/cancel-report-deadline.handler.js';
import { OpenProjectReportDeadlineHandler } from './open-report-deadline/open-report-deadline.handler.js';
import { RunProjectTransitionHandler } from './run-transition/run-transition.handler.js';
import { RunTransitionHttp } from './run-transition/run-transition.http.js';

/** The projects context: its commands (declare, edit, transitions, deadlines) and its reads, each a slice. */
@Module({
  imports: [ProgramsModule],
  controllers: [DeclareIntentionHttp, ListProjectsHttp, GetProjectHttp, EditContentHttp, RunTransitionHttp],
  providers: [
    ProjectCommandRunner,
    DecisionSigning,
    ProjectSettlement,
    SignatoryAuthority,
    { provide: DelegationListQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new DelegationListQueries(db) },
    DeclareIntentionHandler,
    HolderOrganisation,
    EditProjectContentHandler,
    RunProjectTransitionHandler,
    ExpireProjectDeadlineHandler,
    RemindProjectDeadlineHandler,
    OpenProjectReportDeadlineHandler,
    CancelProjectReportDeadlineHandler,
    GetProjectHandler,
    ListProjectsHandler,
    ReadYourWrites,
    { provide: ProjectListQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new ProjectListQueries(db) },
  ],
  exports: [SignatoryAuthority],
})
export class ProjectsModule {}
