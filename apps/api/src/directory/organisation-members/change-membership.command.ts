import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { DirectoryWritten } from '../directory-written.js';

/**
 * A person starts or stops acting for an organisation (a new head teacher takes over the school's projects; the one
 * who left acts for it no more, whatever tokens they still hold).
 */
export class ChangeMembership extends Command<DirectoryWritten> {
  constructor(
    readonly change: 'add' | 'remove',
    readonly organisationId: string,
    readonly personId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
