import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationDecider, organisationStreamOf } from '#directory';
import { CommandShell } from '../../infrastructure/cqrs/command-shell.js';
import { type DirectoryWritten, directoryWritten } from '../directory-written.js';
import { SetPayee } from './set-payee.command.js';

@CommandHandler(SetPayee)
export class SetPayeeHandler implements ICommandHandler<SetPayee> {
  constructor(@Inject(CommandShell) private readonly shell: CommandShell) {}

  async execute({ organisationId, payee, meta }: SetPayee): Promise<DirectoryWritten> {
    const result = await this.shell.run({
      streamId: organisationStreamOf(organisationId),
      decider: organisationDecider,
      command: { type: 'SetPayee', organisationId, payee, actor: meta.principal },
      name: 'organisation.set_payee',
      inputs: { organisationId, payee },
      meta,
    });
    return directoryWritten(organisationId, result);
  }
}
