import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { organisationIdPipe } from '../person-id.pipe.js';
import { GetOrganisation } from './get-organisation.query.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('organisations')
export class GetOrganisationHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':organisationId')
  @ApiOperation({ summary: 'An organisation: identifier, kind, commune, members (directory ids) and payee' })
  get(@Param('organisationId', organisationIdPipe()) organisationId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetOrganisation(organisationId, actor));
  }
}
