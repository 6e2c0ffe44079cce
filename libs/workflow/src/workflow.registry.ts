import { validateDefinition } from './validate-definition.js';
import type { WorkflowDefinition } from './workflow.definition.js';

/**
 * Programs → definition versions. A project keeps the version it started under (`get`);
 * a new version (`latest`) applies to new projects only. Definitions are validated on registration.
 */
export class WorkflowRegistry {
  private readonly byProgram = new Map<string, Map<number, WorkflowDefinition>>();

  constructor(definitions: readonly WorkflowDefinition[] = []) {
    for (const d of definitions) this.register(d);
  }

  register(definition: WorkflowDefinition): this {
    validateDefinition(definition);
    const versions = this.byProgram.get(definition.program) ?? new Map<number, WorkflowDefinition>();
    if (versions.has(definition.version)) {
      throw new Error(`workflow for program "${definition.program}" v${definition.version} is already registered`);
    }
    versions.set(definition.version, definition);
    this.byProgram.set(definition.program, versions);
    return this;
  }

  programs(): string[] {
    return [...this.byProgram.keys()].sort();
  }

  versions(program: string): number[] {
    return [...(this.byProgram.get(program)?.keys() ?? [])].sort((a, b) => a - b);
  }

  has(program: string, version?: number): boolean {
    const versions = this.byProgram.get(program);
    return versions !== undefined && (version === undefined || versions.has(version));
  }

  latest(program: string): WorkflowDefinition {
    const v = this.versions(program).at(-1);
    if (v === undefined) throw new Error(`no workflow registered for program "${program}"`);
    return this.get(program, v);
  }

  get(program: string, version: number): WorkflowDefinition {
    const d = this.byProgram.get(program)?.get(version);
    if (!d) throw new Error(`no workflow registered for program "${program}" v${version}`);
    return d;
  }
}
