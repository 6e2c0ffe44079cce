import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { CollectEnvelopeRecovery } from './collect-recovery.command.js';

@CommandHandler(CollectEnvelopeRecovery)
export class CollectEnvelopeRecoveryHandler implements ICommandHandler<CollectEnvelopeRecovery> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: CollectEnvelopeRecovery): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
