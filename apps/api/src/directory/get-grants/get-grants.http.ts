import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { personIdPipe } from '../person-id.pipe.js';
import { GetGrants } from './get-grants.query.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('people')
export class GetGrantsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':personId/grants')
  @ApiOperation({ summary: 'A person’s habilitations (role, territory, capacity)' })
  grants(@Param('personId', personIdPipe()) personId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetGrants(personId, actor));
  }
}
