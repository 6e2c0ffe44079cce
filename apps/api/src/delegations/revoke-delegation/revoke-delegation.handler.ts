import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DelegationCommandRunner } from '../delegation-command.runner.js';
import type { DelegationWritten } from '../delegation-written.js';
import { RevokeDelegation } from './revoke-delegation.command.js';

@CommandHandler(RevokeDelegation)
export class RevokeDelegationHandler implements ICommandHandler<RevokeDelegation> {
  constructor(@Inject(DelegationCommandRunner) private readonly delegations: DelegationCommandRunner) {}

  execute({ delegationId, revocation, meta }: RevokeDelegation): Promise<DelegationWritten> {
    return this.delegations.run(delegationId, 'delegation.revoke', revocation, meta, (ctx) => ({
      type: 'RevokeDelegation',
      delegationId,
      ...revocation,
      ctx,
    }));
  }
}
