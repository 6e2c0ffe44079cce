import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { interestsDecider, interestsStreamId } from '#committees';
import { CommandShell } from '../../infrastructure/cqrs/command-shell.js';
import { type Written, writtenOf } from '../session-written.js';
import { WithdrawInterestLink } from './withdraw-link.command.js';

@CommandHandler(WithdrawInterestLink)
export class WithdrawInterestLinkHandler implements ICommandHandler<WithdrawInterestLink> {
  constructor(@Inject(CommandShell) private readonly shell: CommandShell) {}

  async execute({ personId, link, meta }: WithdrawInterestLink): Promise<Written> {
    const now = this.shell.now();
    const command = { type: 'WithdrawLink' as const, personId, ...link, ctx: { actor: meta.principal, now } };
    const streamId = interestsStreamId(personId);
    const result = await this.shell.run(
      { streamId, decider: interestsDecider, command, name: 'interest.withdraw_link', inputs: link, meta },
      now,
    );
    return writtenOf(personId, result);
  }
}
