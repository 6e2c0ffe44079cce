import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WorkflowRegistry } from '#workflow';
import { ListPrograms, type ProgramSummary } from './list-programs.query.js';

@QueryHandler(ListPrograms)
export class ListProgramsHandler implements IQueryHandler<ListPrograms> {
  constructor(@Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry) {}

  async execute(): Promise<{ items: ProgramSummary[] }> {
    const items = this.registry.programs().map((program) => {
      const latest = this.registry.latest(program);
      return {
        program,
        title: latest.title,
        definitionId: latest.id,
        latestVersion: latest.version,
        versions: this.registry.versions(program),
        workflow: `/programs/${program}/workflow`,
      };
    });
    return { items };
  }
}
