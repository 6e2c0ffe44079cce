import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { NotifyEnvelopeCredits } from './notify.command.js';

@CommandHandler(NotifyEnvelopeCredits)
export class NotifyEnvelopeCreditsHandler implements ICommandHandler<NotifyEnvelopeCredits> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: NotifyEnvelopeCredits): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
