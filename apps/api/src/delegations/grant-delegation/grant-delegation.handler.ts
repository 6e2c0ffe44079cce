import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { eventIdFor } from '#kernel';
import { DelegationCommandRunner } from '../delegation-command.runner.js';
import type { DelegationWritten } from '../delegation-written.js';
import { GrantDelegation } from './grant-delegation.command.js';

@CommandHandler(GrantDelegation)
export class GrantDelegationHandler implements ICommandHandler<GrantDelegation> {
  constructor(@Inject(DelegationCommandRunner) private readonly delegations: DelegationCommandRunner) {}

  execute({ delegationId, grant, meta }: GrantDelegation): Promise<DelegationWritten> {
    // With an Idempotency-Key and no id, the id derives from the key: a retry targets the same delegation.
    const key = meta.idempotencyKey;
    const id = delegationId ?? (key ? eventIdFor(`${meta.principal.id}\u0000${key}`, 0, 'grant_delegation') : randomUUID());
    return this.delegations.run(id, 'delegation.grant', grant, meta, (ctx) => ({
      type: 'GrantDelegation',
      delegationId: id,
      ...grant,
      ctx,
    }));
  }
}
