import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { DelegationWritten } from '../delegation-written.js';

/** The authority (or an admin for it) ends a delegation on `endsOn`, possibly earlier than planned. */
export class RevokeDelegation extends Command<DelegationWritten> {
  constructor(
    readonly delegationId: string,
    readonly revocation: { endsOn: string; reason: string },
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
