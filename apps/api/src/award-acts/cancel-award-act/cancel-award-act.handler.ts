import { commitmentOfAct } from '#funding/application';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';

import { AwardActCommandRunner, type AwardActWritten } from '../award-act-command.runner.js';
import { AwardActReader } from '../award-act.reader.js';
import { CancelAwardAct } from '../sign-award-act/sign-award-act.command.js';

/** A committed act (its EJ is on the envelope) is amended, never cancelled: the handler tells the decider which it is. */
@CommandHandler(CancelAwardAct)
export class CancelAwardActHandler implements ICommandHandler<CancelAwardAct> {
  constructor(
    @Inject(AwardActCommandRunner) private readonly acts: AwardActCommandRunner,
    @Inject(AwardActReader) private readonly reader: AwardActReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ projectId, reason, meta }: CancelAwardAct): Promise<AwardActWritten> {
    const act = await this.reader.current(projectId);
    const committed = (await commitmentOfAct(this.store, act)) !== undefined;
    return this.acts.run(projectId, 'award_act.cancel', { reason }, meta, (ctx) => ({
      type: 'CancelAwardAct',
      projectId,
      reason,
      committed,
      ctx,
    }));
  }
}
