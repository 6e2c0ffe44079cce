import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EnvelopeBalanceQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { OpenEnvelopeHandler } from './open/open.handler.js';
import { OpenEnvelopeHttp } from './open/open.http.js';
import { NotifyEnvelopeCreditsHandler } from './notify/notify.handler.js';
import { NotifyCreditsHttp } from './notify/notify.http.js';
import { ReduceEnvelopeCreditsHandler } from './reduce/reduce.handler.js';
import { ReduceCreditsHttp } from './reduce/reduce.http.js';
import { SetEnvelopeSplitHandler } from './split/split.handler.js';
import { SetSplitHttp } from './split/split.http.js';
import { AllocateToChildEnvelopeHandler } from './allocate/allocate.handler.js';
import { AllocateHttp } from './allocate/allocate.http.js';
import { TransferToSiblingEnvelopeHandler } from './transfer/transfer.handler.js';
import { TransferHttp } from './transfer/transfer.http.js';
import { CommitToProjectHandler } from './commit/commit.handler.js';
import { CommitHttp } from './commit/commit.http.js';
import { ReleaseEnvelopeCommitmentHandler } from './release/release.handler.js';
import { ReleaseHttp } from './release/release.http.js';
import { CertifyServiceDoneHandler } from './service-done/service-done.handler.js';
import { ServiceDoneHttp } from './service-done/service-done.http.js';
import { OrderEnvelopePaymentHandler } from './order-payment/order-payment.handler.js';
import { OrderPaymentHttp } from './order-payment/order-payment.http.js';
import { PayEnvelopeInstalmentHandler } from './pay/pay.handler.js';
import { PayHttp } from './pay/pay.http.js';
import { AdjustProjectCommitmentHandler } from './adjust-commitment/adjust-commitment.handler.js';
import { AdjustCommitmentHttp } from './adjust-commitment/adjust-commitment.http.js';
import { OrderEnvelopeRecoveryHandler } from './order-recovery/order-recovery.handler.js';
import { OrderRecoveryHttp } from './order-recovery/order-recovery.http.js';
import { CollectEnvelopeRecoveryHandler } from './collect-recovery/collect-recovery.handler.js';
import { CollectRecoveryHttp } from './collect-recovery/collect-recovery.http.js';
import { CloseEnvelopeYearHandler } from './close-year/close-year.handler.js';
import { CloseYearHttp } from './close-year/close-year.http.js';
import { EnvelopeCommandRunner } from './envelope-command.runner.js';
import { GetEnvelopeHandler } from './get-envelope/get-envelope.handler.js';
import { GetEnvelopeHttp } from './get-envelope/get-envelope.http.js';
import { ListEnvelopesHandler } from './list-envelopes/list-envelopes.handler.js';
import { ListEnvelopesHttp } from './list-envelopes/list-envelopes.http.js';
import { ListEnvelopeCommitmentsHandler } from './list-envelope-commitments/list-envelope-commitments.handler.js';
import { ListEnvelopeCommitmentsHttp } from './list-envelope-commitments/list-envelope-commitments.http.js';
import { UnknownEnvelopeOperationHttp } from './unknown-operation/unknown-operation.http.js';

/** Every envelope command handler: the funding process's port executes them too. */
export const ENVELOPE_COMMAND_HANDLERS = [
  OpenEnvelopeHandler,
  NotifyEnvelopeCreditsHandler,
  ReduceEnvelopeCreditsHandler,
  SetEnvelopeSplitHandler,
  AllocateToChildEnvelopeHandler,
  TransferToSiblingEnvelopeHandler,
  CommitToProjectHandler,
  ReleaseEnvelopeCommitmentHandler,
  CertifyServiceDoneHandler,
  PayEnvelopeInstalmentHandler,
  OrderEnvelopePaymentHandler,
  OrderEnvelopeRecoveryHandler,
  AdjustProjectCommitmentHandler,
  CollectEnvelopeRecoveryHandler,
  CloseEnvelopeYearHandler,
];

/**
 * The envelopes context: one slice per operation (finance/admin, Idempotency-Key, the envelope policy), each a command on
 * the CommandBus, and its reads on the QueryBus (folded states, commitments by page; the list from the envelope-balances read model).
 */
@Module({
  controllers: [
    OpenEnvelopeHttp,
    NotifyCreditsHttp,
    ReduceCreditsHttp,
    SetSplitHttp,
    AllocateHttp,
    TransferHttp,
    CommitHttp,
    ReleaseHttp,
    ServiceDoneHttp,
    PayHttp,
    OrderPaymentHttp,
    OrderRecoveryHttp,
    AdjustCommitmentHttp,
    CollectRecoveryHttp,
    CloseYearHttp,
    UnknownEnvelopeOperationHttp,
    GetEnvelopeHttp,
    ListEnvelopeCommitmentsHttp,
    ListEnvelopesHttp,
  ],
  providers: [
    EnvelopeCommandRunner,
    ...ENVELOPE_COMMAND_HANDLERS,
    GetEnvelopeHandler,
    ListEnvelopeCommitmentsHandler,
    ListEnvelopesHandler,
    ReadYourWrites,
    { provide: EnvelopeBalanceQueries, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new EnvelopeBalanceQueries(db) },
  ],
})
export class EnvelopesModule {}
