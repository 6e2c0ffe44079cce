import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { decisionsUnderDelegation } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { READ_MODEL_DB } from '../../infrastructure/tokens.js';
import { ListDelegatedDecisions } from './list-delegated-decisions.query.js';

@QueryHandler(ListDelegatedDecisions)
export class ListDelegatedDecisionsHandler implements IQueryHandler<ListDelegatedDecisions> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
  ) {}

  async execute({ delegationId, minPosition }: ListDelegatedDecisions) {
    await this.ryw.waitForPosition(minPosition);
    return { delegationId, decisions: decisionsUnderDelegation(this.db, delegationId) };
  }
}
