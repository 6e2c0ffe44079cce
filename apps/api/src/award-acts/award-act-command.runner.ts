import { Inject, Injectable } from '@nestjs/common';
import { type AwardActCommand, awardActDecider, awardActStreamOf } from '#awards';
import type { CommandContext, CommandMeta } from '#kernel';
import { CommandShell } from '../infrastructure/cqrs/command-shell.js';
import { type AwardActView, awardActView } from './award-act.view.js';

export interface AwardActWritten {
  act: AwardActView;
  position: bigint | null;
  events: string[];
  replayed: boolean;
}

/** What every award-act command handler does: build the domain command with its context, run it on the act's stream. */
@Injectable()
export class AwardActCommandRunner {
  constructor(@Inject(CommandShell) private readonly shell: CommandShell) {}

  now(): Date {
    return this.shell.now();
  }

  async run(
    projectId: string,
    name: string,
    inputs: unknown,
    meta: CommandMeta,
    build: (ctx: CommandContext) => AwardActCommand,
    now = this.shell.now(),
  ): Promise<AwardActWritten> {
    const command = build({ actor: meta.principal, now });
    const streamId = awardActStreamOf(projectId);
    const result = await this.shell.run({ streamId, decider: awardActDecider, command, name, inputs, meta }, now);
    if (!result.state.act) throw new Error(`${name} left no act on ${streamId}`);
    return {
      act: awardActView(result.state.act, result.revision < 0n ? null : result.revision),
      position: result.append?.position ?? null,
      events: result.events.map((e) => e.type),
      replayed: result.replayed === true,
    };
  }
}
