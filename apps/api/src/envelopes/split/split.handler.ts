import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { SetEnvelopeSplit } from './split.command.js';

@CommandHandler(SetEnvelopeSplit)
export class SetEnvelopeSplitHandler implements ICommandHandler<SetEnvelopeSplit> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: SetEnvelopeSplit): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
