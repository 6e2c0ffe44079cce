import { Query } from '@nestjs/cqrs';
import type { WorkflowView } from '#workflow';

export interface ProgramWorkflowView extends WorkflowView {
  latestVersion: number | undefined;
  versions: number[];
}

/**
 * A program's workflow definition and its Mermaid diagram. `program` is a program (education, health) or a definition
 * id (cnr-education, cnr-health); `version` a definition version, the latest when absent.
 */
export class GetProgramWorkflow extends Query<ProgramWorkflowView> {
  constructor(
    readonly program: string,
    readonly version?: string,
  ) {
    super();
  }
}
