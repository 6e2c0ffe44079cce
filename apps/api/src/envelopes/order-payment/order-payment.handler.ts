import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { OrderEnvelopePayment } from './order-payment.command.js';

@CommandHandler(OrderEnvelopePayment)
export class OrderEnvelopePaymentHandler implements ICommandHandler<OrderEnvelopePayment> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: OrderEnvelopePayment): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
