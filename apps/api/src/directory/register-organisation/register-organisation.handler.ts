import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationDecider, organisationStreamOf } from '#directory';
import { normalizeIdentifier } from '#territories';
import type { DirectoryQueries } from '#projections';
import { CommandShell } from '../../infrastructure/cqrs/command-shell.js';
import { DIRECTORY_QUERIES } from '../directory.tokens.js';
import { type DirectoryWritten, directoryWritten } from '../directory-written.js';
import { RegisterOrganisation } from './register-organisation.command.js';

@CommandHandler(RegisterOrganisation)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisation> {
  constructor(
    @Inject(CommandShell) private readonly shell: CommandShell,
    @Inject(DIRECTORY_QUERIES) private readonly directory: DirectoryQueries,
  ) {}

  async execute({ organisation, meta }: RegisterOrganisation): Promise<DirectoryWritten> {
    const organisationId = normalizeIdentifier(organisation.identifier.value);
    const result = await this.shell.run({
      streamId: organisationStreamOf(organisationId),
      decider: organisationDecider,
      command: {
        type: 'RegisterOrganisation',
        organisationId,
        ...organisation,
        actor: meta.principal,
        earlierDeclarants: this.directory.declarantsOf(organisationId),
      },
      name: 'organisation.register',
      inputs: organisation,
      meta,
    });
    return directoryWritten(organisationId, result);
  }
}
