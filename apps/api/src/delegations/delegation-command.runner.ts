import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandMeta } from '#kernel';
import { type DelegationCommand, delegationDecider, streamIdOfDelegation } from '#delegations';
import { CommandShell } from '../infrastructure/cqrs/command-shell.js';
import { type DelegationWritten, delegationWritten } from './delegation-written.js';

/** What every delegation command handler does: build the domain command with its context, run it on the delegation's stream. */
@Injectable()
export class DelegationCommandRunner {
  constructor(@Inject(CommandShell) private readonly shell: CommandShell) {}

  async run(
    delegationId: string,
    name: string,
    inputs: unknown,
    meta: CommandMeta,
    build: (ctx: CommandContext) => DelegationCommand,
  ): Promise<DelegationWritten> {
    const now = this.shell.now();
    const command = build({ actor: meta.principal, now });
    const streamId = streamIdOfDelegation(delegationId);
    const result = await this.shell.run({ streamId, decider: delegationDecider, command, name, inputs, meta }, now);
    return delegationWritten(delegationId, result);
  }
}
