import { Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation } from '@nestjs/swagger';
import { DashboardFiguresController } from '../dashboard-figures.decorator.js';
import { GetWorkflowDiagrams } from './get-workflow-diagrams.query.js';

@DashboardFiguresController()
export class GetWorkflowDiagramsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('workflows')
  @ApiOperation({ summary: "Each program's workflow: states, transitions (with roles) and the Mermaid text" })
  workflows() {
    return this.queries.execute(new GetWorkflowDiagrams());
  }
}
