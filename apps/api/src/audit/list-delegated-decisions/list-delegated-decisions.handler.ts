import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { assertCanReadDelegation, delegationNotFound, delegationOf, streamIdOfDelegation } from '#delegations';
import { EVENT_STORE, type EventStore } from '#event-store';
import { decisionsUnderDelegation } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { READ_MODEL_DB } from '../../infrastructure/tokens.js';
import { ListDelegatedDecisions } from './list-delegated-decisions.query.js';

@QueryHandler(ListDelegatedDecisions)
export class ListDelegatedDecisionsHandler implements IQueryHandler<ListDelegatedDecisions> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ delegationId, principal, minPosition }: ListDelegatedDecisions) {
    const delegation = delegationOf(await this.store.readStream(streamIdOfDelegation(delegationId)));
    if (!delegation) throw delegationNotFound(delegationId);
    assertCanReadDelegation(principal, delegation);
    await this.ryw.waitForPosition(minPosition);
    return { delegationId, actReference: delegation.actReference, decisions: decisionsUnderDelegation(this.db, delegationId) };
  }
}
