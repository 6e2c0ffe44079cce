import { Command, Option } from 'nest-commander';
import { programRegistry } from '#projects';
import { type WorkflowRegistry, toMermaid, workflowView } from '#workflow';
import { CliCommand } from '../cli-command.js';

interface WorkflowOptions {
  version?: string;
  mermaid?: boolean;
  json?: boolean;
}

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

/** `workflow`: lists the programs; `workflow education --mermaid`: prints the definition as a Mermaid state diagram. */
@Command({
  name: 'workflow',
  arguments: '[program]',
  argsDescription: { program: 'a program (education, health) or a definition id (cnr-education)' },
  description: 'the programs, or one workflow definition (a summary, --json, or --mermaid: a state diagram)',
})
export class WorkflowCommand extends CliCommand<WorkflowOptions> {
  async execute([id]: string[], values: WorkflowOptions): Promise<number> {
    const registry = programRegistry;
    if (values.mermaid && values.json) this.usageError('--mermaid and --json exclude each other');
    if (id === undefined) {
      for (const p of registry.programs())
        out(`${p.padEnd(10)} ${registry.latest(p).id} versions ${registry.versions(p).join(', ')}: ${registry.latest(p).title}`);
      return 0;
    }
    const program = registry.programs().find((p) => p === id || registry.latest(p).id === id);
    if (!program) {
      process.stderr.write(`unknown program "${id}": one of ${registry.programs().join(', ')}\n`);
      return 2;
    }
    const version = values.version === undefined ? registry.latest(program).version : Number(values.version);
    if (!Number.isSafeInteger(version) || !registry.has(program, version)) {
      process.stderr.write(`program ${program} has no version "${values.version}": versions ${registry.versions(program).join(', ')}\n`);
      return 2;
    }
    const definition = registry.get(program, version);
    if (values.mermaid) out(toMermaid(definition));
    else if (values.json) out(JSON.stringify(workflowView(definition), null, 2));
    else out(summary(definition));
    return 0;
  }

  @Option({ flags: '--version <n>', description: 'a version of the definition (default: the latest)' })
  version(value: string): string {
    return value;
  }

  @Option({ flags: '--mermaid', description: 'print a Mermaid state diagram' })
  mermaid(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'print the definition as JSON (as GET /programs/:program/workflow)' })
  json(): boolean {
    return true;
  }
}

function summary(d: ReturnType<WorkflowRegistry['get']>): string {
  const lines = [`${d.id} v${d.version} (${d.program}): ${d.title}`, '', 'states:'];
  for (const s of d.states) lines.push(`  ${s.name.padEnd(22)} ${s.label}${s.initial ? ' (initial)' : ''}${s.final ? ' (final)' : ''}`);
  lines.push('', 'transitions:');
  for (const t of d.transitions) {
    const marks = [t.roles.join('|'), t.reasonRequired ? 'reason' : '', t.opensDeadline ? `opens ${t.opensDeadline}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${t.command.padEnd(22)} ${t.from.join(', ')} → ${t.to}  [${marks}]  ${t.label}`);
  }
  if (d.deadlines.length > 0) lines.push('', 'deadlines:');
  for (const x of d.deadlines) {
    lines.push(
      `  ${x.name.padEnd(22)} ${x.durationDays} days, then ${x.onExpiry.command} ("${x.onExpiry.reason}"); ` +
        `cancelled by ${x.cancelledBy.join(', ')}`,
    );
  }
  return lines.join('\n');
}
