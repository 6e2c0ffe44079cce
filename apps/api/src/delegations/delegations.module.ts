import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { DelegationListQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { DelegationCommandRunner } from './delegation-command.runner.js';
import { GetDelegationHandler } from './get-delegation/get-delegation.handler.js';
import { GetDelegationHttp } from './get-delegation/get-delegation.http.js';
import { GrantDelegationHandler } from './grant-delegation/grant-delegation.handler.js';
import { GrantDelegationHttp } from './grant-delegation/grant-delegation.http.js';
import { ListDelegationsHandler } from './list-delegations/list-delegations.handler.js';
import { ListDelegationsHttp } from './list-delegations/list-delegations.http.js';
import { RevokeDelegationHandler } from './revoke-delegation/revoke-delegation.handler.js';
import { RevokeDelegationHttp } from './revoke-delegation/revoke-delegation.http.js';

/** Delegations of signature: grant, revoke, read one (folded from its stream), list (the read model). */
@Module({
  controllers: [GrantDelegationHttp, RevokeDelegationHttp, ListDelegationsHttp, GetDelegationHttp],
  providers: [
    DelegationCommandRunner,
    GrantDelegationHandler,
    RevokeDelegationHandler,
    GetDelegationHandler,
    ListDelegationsHandler,
    ReadYourWrites,
    { provide: DelegationListQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new DelegationListQueries(db) },
  ],
})
export class DelegationsModule {}
