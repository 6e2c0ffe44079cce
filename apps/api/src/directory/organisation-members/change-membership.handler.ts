import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationDecider, organisationStreamOf } from '#directory';
import { CommandShell } from '../../infrastructure/cqrs/command-shell.js';
import { type DirectoryWritten, directoryWritten } from '../directory-written.js';
import { ChangeMembership } from './change-membership.command.js';

@CommandHandler(ChangeMembership)
export class ChangeMembershipHandler implements ICommandHandler<ChangeMembership> {
  constructor(@Inject(CommandShell) private readonly shell: CommandShell) {}

  async execute({ change, organisationId, personId, meta }: ChangeMembership): Promise<DirectoryWritten> {
    const type = change === 'add' ? 'AddMember' : 'RemoveMember';
    const result = await this.shell.run({
      streamId: organisationStreamOf(organisationId),
      decider: organisationDecider,
      command: { type, organisationId, personId, actor: meta.principal },
      name: change === 'add' ? 'organisation.add_member' : 'organisation.remove_member',
      inputs: { organisationId, personId },
      meta,
    });
    return directoryWritten(organisationId, result);
  }
}
