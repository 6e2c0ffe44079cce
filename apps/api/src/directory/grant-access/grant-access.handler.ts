import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accessDecider, accessStreamOf } from '#directory';
import { CommandShell } from '../../infrastructure/cqrs/command-shell.js';
import { type DirectoryWritten, directoryWritten } from '../directory-written.js';
import { GrantAccess } from './grant-access.command.js';

@CommandHandler(GrantAccess)
export class GrantAccessHandler implements ICommandHandler<GrantAccess> {
  constructor(@Inject(CommandShell) private readonly shell: CommandShell) {}

  async execute({ personId, grant, meta }: GrantAccess): Promise<DirectoryWritten> {
    const result = await this.shell.run({
      streamId: accessStreamOf(personId),
      decider: accessDecider,
      command: { type: 'GrantAccess', personId, ...grant, actor: meta.principal },
      name: 'access.grant',
      inputs: { personId, ...grant },
      meta,
    });
    return directoryWritten(personId, result);
  }
}
