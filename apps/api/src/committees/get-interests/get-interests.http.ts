import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { PersonIdParam } from '../id-params.js';
import { GetInterestDeclarations } from './get-interests.query.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('interest-declarations')
export class GetInterestsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':personId')
  @ApiOperation({ summary: 'A person’s declared links in force (the person, admins, auditors)' })
  get(@Param('personId', PersonIdParam) personId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetInterestDeclarations(personId, actor));
  }
}
