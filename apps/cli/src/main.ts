import '../../api/src/runtime/require-supported-runtime.js';
import { AUDIT_HELP, auditCommand } from './commands/audit.command.js';
import { projectionsCommand } from './commands/projections.command.js';
import { tokenCommand } from './commands/token.command.js';
import { WORKFLOW_HELP, workflowCommand } from './commands/workflow.command.js';

type Command = (args: string[]) => Promise<number>;

/** `npm run cli -- <command> [options]`: admin commands. Each registers its name here. */
export const COMMANDS: Record<string, { run: Command; help: string }> = {
  projections: { run: projectionsCommand, help: 'projections rebuild [name] | projections list   (blue-green rebuild of the read models)' },
  audit: { run: auditCommand, help: AUDIT_HELP },
  workflow: { run: (args) => workflowCommand(args), help: WORKFLOW_HELP },
  token: {
    run: tokenCommand,
    help:
      'token --role <holder|validator|finance|auditor|admin> ' +
      '[--academie 09] [--region 44] [--departement 59] [--cts CODE] [--sub id] [--ttl seconds]',
  },
};

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(
      `usage: npm run cli -- <command>\n${Object.values(COMMANDS)
        .map((c) => `  ${c.help}`)
        .join('\n')}\n`,
    );
    return name ? 2 : 0;
  }
  return command.run(rest);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
