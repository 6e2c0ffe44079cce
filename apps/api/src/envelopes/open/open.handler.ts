import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { envelopeId } from '#funding';
import { EnvelopeCommandRunner, type EnvelopeWrite, requestIdOf } from '../envelope-command.runner.js';
import { OpenEnvelope } from './open.command.js';

@CommandHandler(OpenEnvelope)
export class OpenEnvelopeHandler implements ICommandHandler<OpenEnvelope> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ order, meta }: OpenEnvelope): Promise<EnvelopeWrite> {
    requestIdOf(meta);
    return this.envelopes.run(envelopeId(order.fund, order.territoryCode, order.period), order, meta);
  }
}
