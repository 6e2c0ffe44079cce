import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { minPositionOf } from '../../http/read-your-writes.js';
import { ListProjects } from './list-projects.query.js';
import { ListProjectsQuery } from './list-projects.query.dto.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ListProjectsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Projects the caller may see, filtered and paged' })
  list(@Query() query: ListProjectsQuery, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    const { minPosition: _wait, ...filters } = query;
    const page = { ...filters, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
    return this.queries.execute(new ListProjects(actor, page, minPositionOf(req, query)));
  }
}
