import { type BeforeApplicationShutdown, Global, Inject, Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { PRINCIPAL_RESOLVER } from '#auth';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DirectoryQueries, ProjectionRunner, directoryProjection } from '#projections';
import { LOGGER, READ_MODEL_DB } from '../infrastructure/tokens.js';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { DirectoryResolver } from './directory-resolver.js';
import { DIRECTORY_QUERIES, DIRECTORY_RUNNER } from './directory.tokens.js';
import { GetGrantsHandler } from './get-grants/get-grants.handler.js';
import { GetGrantsHttp } from './get-grants/get-grants.http.js';
import { GetOrganisationHandler } from './get-organisation/get-organisation.handler.js';
import { GetOrganisationHttp } from './get-organisation/get-organisation.http.js';
import { GrantAccessHandler } from './grant-access/grant-access.handler.js';
import { GrantAccessHttp } from './grant-access/grant-access.http.js';
import { ListOrganisationsHandler } from './list-organisations/list-organisations.handler.js';
import { ListOrganisationsHttp } from './list-organisations/list-organisations.http.js';
import { ChangeMembershipHandler } from './organisation-members/change-membership.handler.js';
import { OrganisationMembersHttp } from './organisation-members/organisation-members.http.js';
import { RegisterOrganisationHandler } from './register-organisation/register-organisation.handler.js';
import { RegisterOrganisationHttp } from './register-organisation/register-organisation.http.js';
import { RevokeAccessHandler } from './revoke-access/revoke-access.handler.js';
import { RevokeAccessHttp } from './revoke-access/revoke-access.http.js';
import { SetPayeeHandler } from './set-payee/set-payee.handler.js';
import { SetPayeeHttp } from './set-payee/set-payee.http.js';
import { GetPersonHandler } from './people/get-person.js';
import { PeopleHttp } from './people/people.http.js';
import { PEOPLE_STORE, PeopleStore } from './people/people.store.js';
import { ErasePersonHandler, RecordPersonHandler } from './people/record-person.js';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import type { AppConfig } from '../config/app.config.js';

/** The directory of who may do what (global: the auth guard of every route resolves principals through it). */
@Global()
@Module({
  controllers: [
    RegisterOrganisationHttp,
    ListOrganisationsHttp,
    GetOrganisationHttp,
    OrganisationMembersHttp,
    SetPayeeHttp,
    GrantAccessHttp,
    RevokeAccessHttp,
    GetGrantsHttp,
    PeopleHttp,
  ],
  providers: [
    RegisterOrganisationHandler,
    ChangeMembershipHandler,
    SetPayeeHandler,
    GetOrganisationHandler,
    ListOrganisationsHandler,
    GrantAccessHandler,
    RevokeAccessHandler,
    GetGrantsHandler,
    RecordPersonHandler,
    ErasePersonHandler,
    GetPersonHandler,
    { provide: PEOPLE_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PeopleStore(config.peoplePath) },
    {
      provide: DIRECTORY_RUNNER,
      inject: [EVENT_STORE, READ_MODEL_DB, LOGGER],
      useFactory: (store: EventStore, db: Database.Database, logger: Logger) =>
        new ProjectionRunner(store, db, [directoryProjection], logger.child({ component: 'directory' })),
    },
    {
      provide: DIRECTORY_QUERIES,
      inject: [READ_MODEL_DB, DIRECTORY_RUNNER],
      // After the runner: its start-up creates the tables the queries are prepared on.
      useFactory: (db: Database.Database, runner: ProjectionRunner) => (runner.start(), new DirectoryQueries(db)),
    },
    DirectoryResolver,
    ReadYourWrites,
    { provide: PRINCIPAL_RESOLVER, useExisting: DirectoryResolver },
  ],
  exports: [DIRECTORY_RUNNER, DIRECTORY_QUERIES, PRINCIPAL_RESOLVER, DirectoryResolver],
})
export class DirectoryModule implements BeforeApplicationShutdown {
  constructor(
    @Inject(DIRECTORY_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(PEOPLE_STORE) private readonly people: PeopleStore,
  ) {}

  beforeApplicationShutdown(): void {
    this.runner.stop();
    this.people.close();
  }
}
