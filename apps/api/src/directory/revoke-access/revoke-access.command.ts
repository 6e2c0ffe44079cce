import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { DirectoryWritten } from '../directory-written.js';

/** An administrator withdraws a habilitation: from the next request on, the person's tokens no longer carry it. */
export class RevokeAccess extends Command<DirectoryWritten> {
  constructor(
    readonly personId: string,
    readonly grantId: string,
    readonly reason: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
