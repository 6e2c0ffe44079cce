import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WorkflowRegistry } from '#workflow';
import { GetWorkflowDiagrams } from './get-workflow-diagrams.query.js';
import { type WorkflowDiagram, workflowDiagrams } from './workflow-diagrams.js';

@QueryHandler(GetWorkflowDiagrams)
export class GetWorkflowDiagramsHandler implements IQueryHandler<GetWorkflowDiagrams> {
  constructor(@Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry) {}

  async execute(): Promise<{ items: WorkflowDiagram[] }> {
    return { items: workflowDiagrams(this.registry) };
  }
}
