import { Controller, Get, Inject, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import { type Actor, invalid } from '#kernel';
import { projectIdPipe } from '../../http/project-id.pipe.js';
import { GetAwardAct, ProposeAwardActEnvelopes } from './get-award-act.query.js';

@ApiTags('award-acts')
@ApiBearerAuth()
@Controller('projects')
export class GetAwardActHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get(':id/award-act')
  @ApiOperation({ summary: 'The project’s award act: form, payee, amount, envelope, schedule, signatures' })
  get(@Param('id', projectIdPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetAwardAct(id, actor));
  }

  @Get(':id/award-act/envelopes')
  @ApiOperation({ summary: 'The envelopes an award act for the project may draw on (the proposed match first)' })
  @ApiQuery({ name: 'exercise', required: false, description: 'the exercise (default: the decision’s)' })
  envelopes(@Param('id', projectIdPipe()) id: string, @QueryParam('exercise') exercise: string | undefined, @CurrentActor() actor: Actor) {
    if (exercise !== undefined && !/^\d{4}$/.test(exercise)) throw invalid('VALIDATION_FAILED', 'exercise', 'a 4-digit year');
    return this.queries.execute(new ProposeAwardActEnvelopes(id, exercise === undefined ? undefined : Number(exercise), actor));
  }
}
