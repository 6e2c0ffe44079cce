import { type WorkflowRegistry, toMermaid } from '#workflow';

export interface WorkflowDiagram {
  program: string;
  version: number;
  title: string;
  states: { name: string; label: string; initial: boolean; final: boolean }[];
  transitions: { command: string; label: string; from: string[]; to: string; roles: string[]; reasonRequired: boolean }[];
  mermaid: string;
}

/** Each program's latest workflow, for the page's accessible table of states and transitions. */
export function workflowDiagrams(registry: WorkflowRegistry): WorkflowDiagram[] {
  return registry.programs().map((program) => {
    const d = registry.latest(program);
    return {
      program,
      version: d.version,
      title: d.title,
      states: d.states.map((s) => ({ name: s.name, label: s.label, initial: s.initial === true, final: s.final === true })),
      transitions: d.transitions.map((t) => ({
        command: t.command,
        label: t.label,
        from: [...t.from],
        to: t.to,
        roles: [...t.roles],
        reasonRequired: t.reasonRequired === true,
      })),
      mermaid: toMermaid(d),
    };
  });
}
