import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { PayEnvelopeInstalment } from './pay.command.js';

@CommandHandler(PayEnvelopeInstalment)
export class PayEnvelopeInstalmentHandler implements ICommandHandler<PayEnvelopeInstalment> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: PayEnvelopeInstalment): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
