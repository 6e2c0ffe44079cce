import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import type { GrantDelegation as GrantDelegationData } from '#delegations';
import type { DelegationWritten } from '../delegation-written.js';

export type DelegationGrant = Omit<GrantDelegationData, 'type' | 'delegationId' | 'ctx'>;

/** An authority delegates its signature (or an admin records the arrêté for it): the delegation is created. */
export class GrantDelegation extends Command<DelegationWritten> {
  constructor(
    readonly delegationId: string | undefined,
    readonly grant: DelegationGrant,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
