import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AwardAct, awardActDecider, awardActStreamOf, isFullySigned } from '#awards';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { assertProjectCommittable } from '#funding';
import { DomainError } from '#kernel';
import { projectDecider, streamIdOf } from '#projects';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { CommitToProject } from './commit.command.js';

/**
 * An EJ formalises the signed award act of a real project: the handler reads the project (it exists, lies in the
 * envelope's territory, is validated or in financing) and its act, and gives the envelope's decider what the act says
 * (signatures, envelope, amount, payee); the decider refuses an unsigned act, another envelope's, more than the act.
 */
@CommandHandler(CommitToProject)
export class CommitToProjectHandler implements ICommandHandler<CommitToProject> {
  constructor(
    @Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ envelopeId, order, meta }: CommitToProject): Promise<EnvelopeWrite> {
    this.envelopes.admit(envelopeId, meta);
    const { projectId, amountCents, ...rest } = order;
    const project = await this.project(projectId);
    const act = await this.act(projectId);
    // Without an act, what is wrong with the project comes first (it does not exist, lies elsewhere, is not decided).
    if (!act) {
      assertProjectCommittable(envelopeId, projectId, project);
      throw actRequired(projectId);
    }
    // An ARS's indicative split is over its CTS: a health project's commitment names its own unless finance names one.
    const splitKey = order.splitKey === undefined && project?.territory.cts ? { splitKey: project.territory.cts } : {};
    return this.envelopes.run(
      envelopeId,
      {
        type: 'Commit',
        commitmentRef: act.actId,
        projectId,
        amountCents: amountCents ?? act.amountCents,
        act: {
          actId: act.actId,
          projectId: act.projectId,
          envelopeId: act.envelopeId,
          amountCents: act.amountCents,
          fullySigned: isFullySigned(act),
          payee: { organisationId: act.payee.organisationId, name: act.payee.name, siret: act.payee.siret },
          schedule: act.schedule.map(({ number, kind, amountCents }) => ({ number, kind, amountCents })),
        },
        ...splitKey,
        ...rest,
      },
      meta,
      undefined,
      // A retry of an accepted commitment answers its first outcome, whatever the project became since: checked when decided.
      async () => assertProjectCommittable(envelopeId, projectId, project),
    );
  }

  private async project(projectId: string) {
    const project = foldRecorded(projectDecider, await this.store.readStream(streamIdOf(projectId)));
    return project.exists ? { status: project.status, territory: project.content.territory } : undefined;
  }

  private async act(projectId: string): Promise<AwardAct | undefined> {
    const act = foldRecorded(awardActDecider, await this.store.readStream(awardActStreamOf(projectId))).act;
    return act && act.status !== 'cancelled' ? act : undefined;
  }
}

const actRequired = (projectId: string) =>
  new DomainError(
    'conflict',
    'ENVELOPE_AWARD_ACT_REQUIRED',
    `Le projet ${projectId} n’a pas d’acte attributif signé : un engagement juridique formalise un acte signé.`,
    { field: 'projectId', rule: 'signed-award-act', projectId },
  );
