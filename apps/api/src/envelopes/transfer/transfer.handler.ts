import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { TransferToSiblingEnvelope } from './transfer.command.js';

@CommandHandler(TransferToSiblingEnvelope)
export class TransferToSiblingEnvelopeHandler implements ICommandHandler<TransferToSiblingEnvelope> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: TransferToSiblingEnvelope): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
