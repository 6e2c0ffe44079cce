import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '#auth';
import { DomainError, invalid } from '#kernel';
import { type WorkflowDefinition, WorkflowRegistry, workflowView } from '#workflow';

/** Workflow definitions are not secret: anyone may read them (public routes). */
@ApiTags('programs')
@Controller('programs')
export class ProgramsHttp {
  constructor(@Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The programs (education / FIP, health / FIR) and the versions of their workflow definition' })
  list() {
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
    const program = this.programOf(id);
    const versions = this.registry.versions(program);
    let definition: WorkflowDefinition;
    if (version === undefined || version === '') {
      definition = this.registry.latest(program);
    } else {
      if (!/^[1-9]\d{0,8}$/.test(version)) throw invalid('WORKFLOW_INVALID_VERSION', 'version', 'an integer >= 1', { version });
      if (!this.registry.has(program, Number(version))) {
        throw new DomainError('not_found', 'WORKFLOW_VERSION_NOT_FOUND', `program ${program} has no workflow version ${version}`, {
          program,
          version: Number(version),
          versions,
        });
      }
      definition = this.registry.get(program, Number(version));
    }
    return { ...workflowView(definition), latestVersion: versions.at(-1), versions };
  }

  private programOf(id: string): string {
    const program = this.registry.programs().find((p) => p === id || this.registry.latest(p).id === id);
    if (!program) {
      throw new DomainError('not_found', 'PROGRAM_NOT_FOUND', `no program ${JSON.stringify(id.slice(0, 100))}`, {
        programs: this.registry.programs(),
      });
    }
    return program;
  }
}
