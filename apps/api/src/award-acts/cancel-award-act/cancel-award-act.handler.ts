import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { envelopeDecider, envelopeStreamId } from '#funding';
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
    const envelope = foldRecorded(envelopeDecider, await this.store.readStream(envelopeStreamId(act.envelopeId)));
    const committed = envelope.status !== 'none' && envelope.commitments.get(act.actId) !== undefined;
    return this.acts.run(projectId, 'award_act.cancel', { reason }, meta, (ctx) => ({
      type: 'CancelAwardAct',
      projectId,
      reason,
      committed,
      ctx,
    }));
  }
}
