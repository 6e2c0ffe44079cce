import type { Type } from '@nestjs/common';
import { CommandFactory, CommandRunnerService } from 'nest-commander';
import { USAGE_ERROR } from './cli-command.js';

/** commander's help and version "errors", which end a run that did what was asked. */
const SUCCESSFUL_EXITS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** Usage errors (commander's, or a command's own: refonda.usage) exit 2; others 1. */
function exitCodeOf(error: Error & { code?: unknown }): number {
  const code = typeof error.code === 'string' ? error.code : '';
  if (SUCCESSFUL_EXITS.has(code)) return 0;
  if (code.startsWith('commander.') || code === 'refonda.usage') return USAGE_ERROR;
  process.stderr.write(`${error.message}\n`);
  return 1;
}

/**
 * Runs the command `argv` names (`[node, script, command, …]`) among those of `rootModule`; resolves with its exit
 * code. Commands report it through process.exitCode (nest-commander's run returns nothing), read and cleared here.
 */
export async function runCli(rootModule: Type, argv: string[] = process.argv): Promise<number> {
  process.exitCode = undefined;
  const app = await CommandFactory.createWithoutRunning(rootModule, {
    errorHandler: (error) => {
      throw error;
    },
    serviceErrorHandler: (error) => {
      process.exitCode = exitCodeOf(error);
    },
  });
  try {
    await app.get(CommandRunnerService).run(argv);
  } finally {
    await app.close();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return code;
}
