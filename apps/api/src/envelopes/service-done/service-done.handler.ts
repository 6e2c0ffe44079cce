import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { CertifyServiceDone } from './service-done.command.js';

@CommandHandler(CertifyServiceDone)
export class CertifyServiceDoneHandler implements ICommandHandler<CertifyServiceDone> {
  constructor(@Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner) {}

  execute({ envelopeId, order, meta, at }: CertifyServiceDone): Promise<EnvelopeWrite> {
    return this.envelopes.run(envelopeId, order, meta, at);
  }
}
