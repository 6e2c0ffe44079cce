import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import { type Actor, DomainError } from '#kernel';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { availableActions, projectDecider, streamIdOf } from '#projects';
import { ProjectListQueries } from '#projections';
import { asOfLabel, canSeeProject, foldAsOf, parseAsOf } from '#audit';
import { ReadYourWrites } from '../../http/read-your-writes.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class GetProjectHttp {
  constructor(
    @Inject(ProjectListQueries) private readonly projects: ProjectListQueries,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'A project: state, content, the actions the caller may take now; its revision as ETag' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait (bounded) until read models reach this position' })
  @ApiQuery({ name: 'asOf', required: false, description: 'ISO 8601 date-time or log position: the project as it was then, folded from the log (no actions, no ETag)' })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: { minPosition?: string; asOf?: string }, @CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (query.asOf !== undefined) return this.asOf(id, query.asOf, actor);
    await this.ryw.waitFor(req, query);
    const row = this.projects.get(id);
    if (!row) throw new DomainError('not_found', 'PROJECT_NOT_FOUND', `project ${id} does not exist`, { projectId: id });
    if (!this.projects.canSee(actor, id)) {
      throw new DomainError('forbidden', 'PROJECT_OUT_OF_SCOPE', `project ${id} is outside your territory or ownership`, { projectId: id });
    }
    reply.header('ETag', `"${row.revision}"`);
    return { ...row.state, revision: row.revision.toString(), position: row.position.toString(), actions: availableActions(row.state, actor) };
  }

  /** The state as it was at `asOf`, folded with the decider from the log itself (not from the read model). */
  private async asOf(id: string, raw: string, actor: Actor) {
    const asOf = parseAsOf(raw);
    const history = await this.store.readStream(streamIdOf(id));
    const current = foldRecorded(projectDecider, history);
    if (!current.exists) throw new DomainError('not_found', 'PROJECT_NOT_FOUND', `project ${id} does not exist`, { projectId: id });
    if (!canSeeProject(actor, current)) {
      throw new DomainError('forbidden', 'PROJECT_OUT_OF_SCOPE', `project ${id} is outside your territory or ownership`, { projectId: id });
    }
    const then = foldAsOf(history, asOf, projectDecider);
    if (!then.state.exists) {
      throw new DomainError('not_found', 'PROJECT_NOT_FOUND_AS_OF', `project ${id} did not exist yet at ${asOfLabel(asOf)}`, {
        projectId: id, asOf: asOfLabel(asOf), firstPosition: history[0]!.position.toString(), declaredAt: history[0]!.recordedAt.toISOString(),
      });
    }
    // A past state offers no action: nothing can be done on it.
    return { ...then.state, revision: then.revision.toString(), position: then.position.toString(), actions: [], asOf: asOfLabel(asOf) };
  }
}
