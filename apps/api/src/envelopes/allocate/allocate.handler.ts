import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { AllocateToChildEnvelope } from './allocate.command.js';

@CommandHandler(AllocateToChildEnvelope)
export class AllocateToChildEnvelopeHandler implements ICommandHandler<AllocateToChildEnvelope> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: AllocateToChildEnvelope): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
