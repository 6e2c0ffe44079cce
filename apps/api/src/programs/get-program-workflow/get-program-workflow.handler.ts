import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, invalid } from '#kernel';
import { type WorkflowDefinition, WorkflowRegistry, workflowView } from '#workflow';
import { GetProgramWorkflow, type ProgramWorkflowView } from './get-program-workflow.query.js';

@QueryHandler(GetProgramWorkflow)
export class GetProgramWorkflowHandler implements IQueryHandler<GetProgramWorkflow> {
  constructor(@Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry) {}

  async execute({ program: id, version }: GetProgramWorkflow): Promise<ProgramWorkflowView> {
    const program = this.programOf(id);
    const versions = this.registry.versions(program);
    let definition: WorkflowDefinition;
    if (version === undefined || version === '') {
      definition = this.registry.latest(program);
    } else {
      if (!/^[1-9]\d{0,8}$/.test(version)) throw invalid('WORKFLOW_INVALID_VERSION', 'version', 'an integer >= 1', { version });
      if (!this.registry.has(program, Number(version))) {
        throw new DomainError(
          'not_found',
          'WORKFLOW_VERSION_NOT_FOUND',
          `Le programme ${program} n’a pas de version ${version} de workflow.`,
          {
            program,
            version: Number(version),
            versions,
          },
        );
      }
      definition = this.registry.get(program, Number(version));
    }
    return { ...workflowView(definition), latestVersion: versions.at(-1), versions };
  }

  private programOf(id: string): string {
    const program = this.registry.programs().find((p) => p === id || this.registry.latest(p).id === id);
    if (!program) {
      throw new DomainError('not_found', 'PROGRAM_NOT_FOUND', `Aucun programme « ${id.slice(0, 100)} ».`, {
        programs: this.registry.programs(),
      });
    }
    return program;
  }
}
