import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetWorkflowDiagrams } from './get-workflow-diagrams.query.js';
import { type WorkflowDiagram, workflowDiagrams } from './workflow-diagrams.js';

@QueryHandler(GetWorkflowDiagrams)
export class GetWorkflowDiagramsHandler implements IQueryHandler<GetWorkflowDiagrams> {
  async execute(): Promise<{ items: WorkflowDiagram[] }> {
    return { items: workflowDiagrams() };
  }
}
