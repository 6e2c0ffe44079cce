import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { assertProjectCommittable } from '#funding';
import { projectDecider, streamIdOf } from '#projects';
import { EnvelopeCommandRunner, type EnvelopeWrite } from '../envelope-command.runner.js';
import { CommitToProject } from './commit.command.js';

/**
 * A legal commitment funds a real project: the handler reads it from the log and checks that it exists, lies in the
 * envelope's territory and is validated or in financing (the envelope policy's rule), after the envelope's own checks.
 */
@CommandHandler(CommitToProject)
export class CommitToProjectHandler implements ICommandHandler<CommitToProject> {
  constructor(
    @Inject(EnvelopeCommandRunner) private readonly envelopes: EnvelopeCommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ envelopeId, order, meta, at }: CommitToProject): Promise<EnvelopeWrite> {
    this.envelopes.admit(envelopeId, meta, at);
    // A retry of an accepted commitment answers its first outcome, whatever the project became since: checked only when decided.
    return this.envelopes.run(envelopeId, order, meta, at, async () =>
      assertProjectCommittable(envelopeId, order.projectId, await this.project(order.projectId)),
    );
  }

  private async project(projectId: string) {
    const history = await this.store.readStream(streamIdOf(projectId));
    const project = foldRecorded(projectDecider, history);
    return project.exists ? { status: project.status, territory: project.content.territory } : undefined;
  }
}
