import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EnvelopeBalanceQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { EnvelopeCommands } from './envelope-commands.service.js';
import { EnvelopeOperationsHttp } from './envelope-operations.http.js';
import { GetEnvelopesHttp } from './get-envelopes.http.js';

/**
 * Envelope commands (finance/admin, Idempotency-Key, territory scope) and reads (folded streams; the list from the
 * envelope-balances read model).
 */
@Module({
  controllers: [EnvelopeOperationsHttp, GetEnvelopesHttp],
  providers: [
    EnvelopeCommands,
    ReadYourWrites,
    { provide: EnvelopeBalanceQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new EnvelopeBalanceQueries(db) },
  ],
})
export class EnvelopesModule {}
