import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Actor, DomainError } from '#kernel';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { availableActions, projectEvolution, projectNotFound, projectOutOfScope, readableProject, streamIdOf } from '#projects';
import { WorkflowRegistry } from '#workflow';
import { ProjectListQueries } from '#projections';
import { asOfLabel, foldAsOf, parseAsOf } from '#audit';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { GetProject, type ProjectView } from './get-project.query.js';

@QueryHandler(GetProject)
export class GetProjectHandler implements IQueryHandler<GetProject> {
  constructor(
    @Inject(ProjectListQueries) private readonly projects: ProjectListQueries,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
  ) {}

  async execute({ projectId: id, principal, minPosition, asOf }: GetProject): Promise<ProjectView> {
    if (asOf !== undefined) return this.asOf(id, asOf, principal);
    await this.ryw.waitForPosition(minPosition);
    const row = this.projects.get(id);
    if (!row) throw projectNotFound(id);
    if (!this.projects.canSee(principal, id)) throw projectOutOfScope(id);
    return {
      ...row.state,
      revision: row.revision.toString(),
      position: row.position.toString(),
      actions: availableActions(row.state, principal, this.registry),
    };
  }

  /** The state as it was at `asOf`, folded with the decider from the log itself (not from the read model). */
  private async asOf(id: string, raw: string, principal: Actor): Promise<ProjectView> {
    const asOf = parseAsOf(raw);
    const history = await this.store.readStream(streamIdOf(id));
    readableProject(principal, id, foldRecorded(projectEvolution, history));
    const then = foldAsOf(history, asOf, projectEvolution);
    if (!then.state.exists) {
      throw new DomainError('not_found', 'PROJECT_NOT_FOUND_AS_OF', `Le projet ${id} n’existait pas encore à ${asOfLabel(asOf)}.`, {
        projectId: id,
        asOf: asOfLabel(asOf),
        firstPosition: history[0]!.position.toString(),
        declaredAt: history[0]!.recordedAt.toISOString(),
      });
    }
    // A past state offers no action: nothing can be done on it.
    return { ...then.state, revision: then.revision.toString(), position: then.position.toString(), actions: [], asOf: asOfLabel(asOf) };
  }
}
