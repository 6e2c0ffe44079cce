import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accessDecider, accessStreamOf } from '#directory';
import { CommandShell } from '../../infrastructure/cqrs/command-shell.js';
import { type DirectoryWritten, directoryWritten } from '../directory-written.js';
import { RevokeAccess } from './revoke-access.command.js';

@CommandHandler(RevokeAccess)
export class RevokeAccessHandler implements ICommandHandler<RevokeAccess> {
  constructor(@Inject(CommandShell) private readonly shell: CommandShell) {}

  async execute({ personId, grantId, reason, meta }: RevokeAccess): Promise<DirectoryWritten> {
    const result = await this.shell.run({
      streamId: accessStreamOf(personId),
      decider: accessDecider,
      command: { type: 'RevokeAccess', personId, grantId, reason, actor: meta.principal },
      name: 'access.revoke',
      inputs: { personId, grantId, reason },
      meta,
    });
    return directoryWritten(personId, result);
  }
}
