import { Query } from '@nestjs/cqrs';
import type { WorkflowDiagram } from './workflow-diagrams.js';

/** Each program's latest workflow (states, transitions with roles, Mermaid text), for the dashboard page. */
export class GetWorkflowDiagrams extends Query<{ items: WorkflowDiagram[] }> {}
