import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { ReduceEnvelopeCredits } from './reduce.command.js';

@CommandHandler(ReduceEnvelopeCredits)
export class ReduceEnvelopeCreditsHandler implements ICommandHandler<ReduceEnvelopeCredits> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: ReduceEnvelopeCredits): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
