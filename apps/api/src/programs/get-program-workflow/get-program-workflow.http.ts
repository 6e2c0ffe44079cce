import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '#auth';
import { GetProgramWorkflow } from './get-program-workflow.query.js';

/** Workflow definitions are not secret: anyone may read them (public route). */
@ApiTags('programs')
@Controller('programs')
export class GetProgramWorkflowHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Public()
  @Get(':id/workflow')
  @ApiOperation({
    summary: "A program's workflow definition (states, transitions, roles, deadlines) and its Mermaid diagram",
    description:
      'A project keeps the version it started under (its `workflow.definition.version`); a new version applies to new projects only.',
  })
  @ApiParam({ name: 'id', description: 'program (education, health) or definition id (cnr-education, cnr-health)' })
  @ApiQuery({ name: 'version', required: false, description: 'a definition version; the latest when absent' })
  workflow(@Param('id') id: string, @Query('version') version?: string) {
    return this.queries.execute(new GetProgramWorkflow(id, version));
  }
}
