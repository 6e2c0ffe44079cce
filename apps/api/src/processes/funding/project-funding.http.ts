import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { GetProjectFunding } from './get-project-funding/get-project-funding.query.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectFundingHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id/funding')
  @ApiOperation({
    summary:
      "A project's money: the funding process's status ('pending' with the envelope's refusal), the commitment, " +
      'the instalments and the payments and recoveries',
  })
  funding(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetProjectFunding(id, actor));
  }
}
