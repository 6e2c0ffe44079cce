import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { CloseEnvelopeYear } from './close-year.command.js';

@CommandHandler(CloseEnvelopeYear)
export class CloseEnvelopeYearHandler implements ICommandHandler<CloseEnvelopeYear> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: CloseEnvelopeYear): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
