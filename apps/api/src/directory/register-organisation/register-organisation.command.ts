import { Command } from '@nestjs/cqrs';
import type { OrganisationRegistered } from '#directory';
import type { CommandMeta } from '#kernel';
import type { DirectoryWritten } from '../directory-written.js';

export type OrganisationToRegister = Omit<OrganisationRegistered['data'], 'organisationId'>;

/** Registers a body under its official identifier (its id); a holder registering it becomes its first member. */
export class RegisterOrganisation extends Command<DirectoryWritten> {
  constructor(
    readonly organisation: OrganisationToRegister,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
