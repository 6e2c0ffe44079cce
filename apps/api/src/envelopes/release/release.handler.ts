import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { ReleaseEnvelopeCommitment } from './release.command.js';

@CommandHandler(ReleaseEnvelopeCommitment)
export class ReleaseEnvelopeCommitmentHandler implements ICommandHandler<ReleaseEnvelopeCommitment> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: ReleaseEnvelopeCommitment): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
