import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { ProjectListQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { DeclareIntentionHttp } from './declare-intention/declare-intention.http.js';
import { EditContentHttp } from './edit-content/edit-content.http.js';
import { GetProjectHttp } from './get-project/get-project.http.js';
import { ListProjectsHttp } from './list-projects/list-projects.http.js';
import { ProjectCommands } from './project-commands.service.js';
import { RunTransitionHttp } from './run-transition/run-transition.http.js';

@Module({
  controllers: [DeclareIntentionHttp, ListProjectsHttp, GetProjectHttp, EditContentHttp, RunTransitionHttp],
  providers: [
    ProjectCommands,
    ReadYourWrites,
    { provide: ProjectListQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new ProjectListQueries(db) },
  ],
})
export class ProjectsModule {}
