import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import { type Actor, DomainError } from '#kernel';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { projectDecider, streamIdOf } from '#projects';
import { canSeeProject } from '#audit';
import { type HistoryQuery, historyPage } from './history-page.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('projects')
export class ProjectHistoryHttp {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/history')
  @ApiOperation({
    summary: "A project's every event: who, role, territory, when, why, position, hash and a French summary (read from the log)",
  })
  @ApiQuery({ name: 'from', required: false, description: 'first revision (paging)' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 1000' })
  async history(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: HistoryQuery, @CurrentActor() actor: Actor) {
    const streamId = streamIdOf(id);
    const history = await this.store.readStream(streamId);
    const project = foldRecorded(projectDecider, history);
    if (!project.exists) throw new DomainError('not_found', 'PROJECT_NOT_FOUND', `project ${id} does not exist`, { projectId: id });
    if (!canSeeProject(actor, project)) {
      throw new DomainError('forbidden', 'PROJECT_OUT_OF_SCOPE', `project ${id} is outside your territory or ownership`, { projectId: id });
    }
    return { projectId: id, ...historyPage(streamId, history, query) };
  }
}
