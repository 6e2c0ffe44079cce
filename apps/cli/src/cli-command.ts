import { CommandRunner } from 'nest-commander';

/** commander's Command (nest-commander's own copy of commander, not the one at the top of node_modules). */
type Commander = Parameters<CommandRunner['setCommand']>[0];

/** Exit codes: 0 done, 1 the check failed (or an unexpected error), 2 wrong usage. */
export const USAGE_ERROR = 2;

/**
 * A command of the admin CLI: `execute` returns the process exit code. Every command, group or leaf, extends it:
 * nest-commander builds subcommands with `new Command()`, which inherits nothing from its parent, so each one is
 * told here to throw its usage errors (caught in run-cli.ts, exit 2) and to refuse surplus arguments.
 */
export abstract class CliCommand<Options extends object = Record<string, unknown>> extends CommandRunner {
  abstract execute(params: string[], options: Options): Promise<number>;

  override setCommand(command: Commander): this {
    command.exitOverride().allowExcessArguments(false);
    return super.setCommand(command);
  }

  async run(params: string[], options?: Record<string, unknown>): Promise<void> {
    process.exitCode = await this.execute(params, (options ?? {}) as Options);
  }

  /** Prints `message` on stderr and stops with exit 2. */
  protected usageError(message: string): never {
    this.command.error(`error: ${message}`, { exitCode: USAGE_ERROR, code: 'refonda.usage' });
  }
}

/** A command that only groups subcommands (`audit`, `projections`): alone it prints its help; `audit nope` exits 2. */
export abstract class CommandGroup extends CliCommand {
  override setCommand(command: Commander): this {
    super.setCommand(command);
    command.allowExcessArguments(true);
    return this;
  }

  async execute([name]: string[]): Promise<number> {
    if (name !== undefined) this.usageError(`unknown command '${name}' (see ${this.command.name()} --help)`);
    this.command.help();
  }
}

/** Repeatable options (`--academie 09 --academie 12`): commander calls the parser with the value so far. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
