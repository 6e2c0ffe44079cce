import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { OrderEnvelopeRecovery } from './order-recovery.command.js';

@CommandHandler(OrderEnvelopeRecovery)
export class OrderEnvelopeRecoveryHandler implements ICommandHandler<OrderEnvelopeRecovery> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: OrderEnvelopeRecovery): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
