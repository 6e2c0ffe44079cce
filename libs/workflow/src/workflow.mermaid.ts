import type { WorkflowDefinition } from './workflow.definition.js';

const quote = (text: string) => text.replace(/"/g, "'");

/** A Mermaid state diagram of a definition (French labels; edges name the command and the roles). */
export function toMermaid(d: WorkflowDefinition): string {
  const lines = ['stateDiagram-v2', `  %% ${d.id} v${d.version}: ${quote(d.title)}`];
  for (const s of d.states) lines.push(`  state "${quote(s.label)}" as ${s.name}`);
  for (const s of d.states) if (s.initial) lines.push(`  [*] --> ${s.name}`);
  for (const t of d.transitions) {
    const marks = [t.roles.join('|'), t.reasonRequired ? 'motif' : '', t.opensDeadline ? `⏱ ${t.opensDeadline}` : '']
      .filter(Boolean)
      .join(', ');
    const guards = (t.guards ?? []).map((g) => g.name);
    const label = `${t.command} (${marks})${guards.length ? ` [${guards.join(', ')}]` : ''}`;
    for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${label.replace(/[:;]/g, ' ')}`);
  }
  for (const s of d.states) if (s.final) lines.push(`  ${s.name} --> [*]`);
  for (const x of d.deadlines) {
    lines.push(`  %% deadline ${x.name}: ${x.durationDays} days, then ${x.onExpiry.command}; cancelled by ${x.cancelledBy.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
