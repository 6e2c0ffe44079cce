import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { awardActDecider, awardActStreamOf } from '#awards';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { DomainError } from '#kernel';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { AdjustProjectCommitment } from './adjust-commitment.command.js';

/** Reads the project's act and the amendment named, and gives the envelope's decider what the amendment says. */
@CommandHandler(AdjustProjectCommitment)
export class AdjustProjectCommitmentHandler implements ICommandHandler<AdjustProjectCommitment> {
  constructor(
    @Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ envelopeId, order, meta }: AdjustProjectCommitment): Promise<EnvelopeWrite> {
    this.envelopes.admit(envelopeId, meta);
    const act = foldRecorded(awardActDecider, await this.store.readStream(awardActStreamOf(order.projectId))).act;
    const amendment = act && act.status !== 'cancelled' ? act.amendments.find((a) => a.number === order.amendmentNumber) : undefined;
    if (!act || !amendment) {
      throw new DomainError(
        'not_found',
        'AWARD_ACT_AMENDMENT_NOT_FOUND',
        `Le projet ${order.projectId} n’a pas d’avenant n° ${order.amendmentNumber} à son acte attributif.`,
        { projectId: order.projectId, field: 'amendmentNumber', rule: 'an-amendment-of-the-act' },
      );
    }
    return this.envelopes.run(
      envelopeId,
      {
        type: 'AdjustCommitment',
        commitmentRef: act.actId,
        amendment: {
          actId: act.actId,
          number: amendment.number,
          kind: amendment.kind,
          amountCents: amendment.amountCents,
          fullySigned: amendment.inEffect,
          payee: { organisationId: amendment.payee.organisationId, name: amendment.payee.name, siret: amendment.payee.siret },
          schedule: amendment.schedule.map(({ number, kind, amountCents }) => ({ number, kind, amountCents })),
        },
        ...(order.reason === undefined ? {} : { reason: order.reason }),
      },
      meta,
    );
  }
}
