import '../../api/src/runtime/require-supported-runtime.js';
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { USAGE_ERROR } from './cli-command.js';
import { CliModule } from './cli.module.js';

/** commander's help and version "errors", which end a run that did what was asked. */
const SUCCESSFUL_EXITS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** Usage errors (commander's, or node:util parseArgs' in a command that parses its own arguments) exit 2; others 1. */
function exitCodeOf(error: Error & { code?: unknown }): number {
  const code = typeof error.code === 'string' ? error.code : '';
  if (SUCCESSFUL_EXITS.has(code)) return 0;
  if (code.startsWith('commander.') || code === 'refonda.usage') return USAGE_ERROR;
  process.stderr.write(`${error.message}\n`);
  return code.startsWith('ERR_PARSE_ARGS') ? USAGE_ERROR : 1;
}

/** `npm run cli -- <command> [options]`; `--help` on any command. The commands are listed in cli.module.ts. */
await CommandFactory.run(CliModule, {
  errorHandler: (error) => {
    throw error;
  },
  serviceErrorHandler: (error) => {
    process.exitCode = exitCodeOf(error);
  },
});
process.exit(process.exitCode ?? 0);
