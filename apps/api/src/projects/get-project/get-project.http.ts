import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import { type Actor, DomainError } from '#kernel';
import { availableActions } from '#projects';
import { ProjectListQueries } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class GetProjectHttp {
  constructor(@Inject(ProjectListQueries) private readonly projects: ProjectListQueries, @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites) {}

  @Get(':id')
  @ApiOperation({ summary: 'A project: state, content, the actions the caller may take now; its revision as ETag' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait (bounded) until read models reach this position' })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: { minPosition?: string }, @CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.ryw.waitFor(req, query);
    const row = this.projects.get(id);
    if (!row) throw new DomainError('not_found', 'PROJECT_NOT_FOUND', `project ${id} does not exist`, { projectId: id });
    if (!this.projects.canSee(actor, id)) {
      throw new DomainError('forbidden', 'PROJECT_OUT_OF_SCOPE', `project ${id} is outside your territory or ownership`, { projectId: id });
    }
    reply.header('ETag', `"${row.revision}"`);
    return { ...row.state, revision: row.revision.toString(), position: row.position.toString(), actions: availableActions(row.state, actor) };
  }
}
