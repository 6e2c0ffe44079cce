import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { ProjectListQueries } from '#projections';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { ListProjectsQuery } from './list-projects.query.dto.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ListProjectsHttp {
  constructor(@Inject(ProjectListQueries) private readonly projects: ProjectListQueries, @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites) {}

  @Get()
  @ApiOperation({ summary: 'Projects the caller may see, filtered and paged' })
  async list(@Query() query: ListProjectsQuery, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    await this.ryw.waitFor(req, query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = this.projects.search(actor, { ...query, page, pageSize });
    return { items, page, pageSize, total };
  }
}
