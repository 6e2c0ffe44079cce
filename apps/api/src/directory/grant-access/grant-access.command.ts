import { Command } from '@nestjs/cqrs';
import type { GrantedRole } from '#directory';
import type { Actor, CommandMeta } from '#kernel';
import type { DirectoryWritten } from '../directory-written.js';

export interface GrantRequested {
  role: GrantedRole;
  scope: Actor['scope'];
  capacity?: string;
}

/** An administrator (or the operator, through the CLI) gives a person a role over a territory. */
export class GrantAccess extends Command<DirectoryWritten> {
  constructor(
    readonly personId: string,
    readonly grant: GrantRequested,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
