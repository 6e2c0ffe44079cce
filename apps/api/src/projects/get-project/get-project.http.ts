import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { minPositionOf } from '../../http/read-your-writes.js';
import { GetProject } from './get-project.query.js';
import { projectIdPipe } from '../../http/project-id.pipe.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class GetProjectHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'A project: state, content, the actions the caller may take now; its revision as ETag' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait (bounded) until read models reach this position' })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'ISO 8601 date-time or log position: the project as it was then, folded from the log (no actions, no ETag)',
  })
  @ApiHeader({ name: 'X-Min-Position', required: false })
  async get(
    @Param('id', projectIdPipe()) id: string,
    @Query() query: { minPosition?: string; asOf?: string },
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.queries.execute(new GetProject(id, actor, minPositionOf(req, query), query.asOf));
    if (view.asOf === undefined) reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
