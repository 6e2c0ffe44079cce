import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertCanManageEnvelope } from '#funding';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { TransferToSiblingEnvelope } from './transfer.command.js';

/** A transfer runs on two streams (the source, then the target): the caller must manage both, the source checked first. */
@CommandHandler(TransferToSiblingEnvelope)
export class TransferToSiblingEnvelopeHandler implements ICommandHandler<TransferToSiblingEnvelope> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: TransferToSiblingEnvelope): Promise<EnvelopeWrite> {
    this.envelopes.admit(envelopeId, meta);
    assertCanManageEnvelope(meta.principal, order.toId);
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
