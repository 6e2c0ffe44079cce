import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationDecider, organisationStreamOf } from '#directory';
import { normalizeIdentifier } from '#territories';
import { CommandShell } from '../../infrastructure/cqrs/command-shell.js';
import { type DirectoryWritten, directoryWritten } from '../directory-written.js';
import { RegisterOrganisation } from './register-organisation.command.js';

@CommandHandler(RegisterOrganisation)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisation> {
  constructor(@Inject(CommandShell) private readonly shell: CommandShell) {}

  async execute({ organisation, meta }: RegisterOrganisation): Promise<DirectoryWritten> {
    const organisationId = normalizeIdentifier(organisation.identifier.value);
    const result = await this.shell.run({
      streamId: organisationStreamOf(organisationId),
      decider: organisationDecider,
      command: { type: 'RegisterOrganisation', organisationId, ...organisation, actor: meta.principal },
      name: 'organisation.register',
      inputs: organisation,
      meta,
    });
    return directoryWritten(organisationId, result);
  }
}
