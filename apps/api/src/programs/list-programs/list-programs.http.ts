import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '#auth';
import { ListPrograms } from './list-programs.query.js';

/** Workflow definitions are not secret: anyone may read them (public route). */
@ApiTags('programs')
@Controller('programs')
export class ListProgramsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The programs (education / FIP, health / FIR) and the versions of their workflow definition' })
  list() {
    return this.queries.execute(new ListPrograms());
  }
}
