import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Module } from '@nestjs/common';

// nest-commander is CommonJS and require()s the ES modules of Nest 12: Jest can load it only once they are loaded.
const { Command, SubCommand } = await import('nest-commander');
const { ArgsCommand, CommandGroup } = await import('../../apps/cli/src/cli-command.js');
const { runCli } = await import('../../apps/cli/src/run-cli.js');

const received: string[][] = [];

/** A command written as a function of its arguments, as `audit rotate-key` is on its own branch. */
async function rotateLikeCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, dry: { type: 'boolean' } } });
  received.push(args);
  return values.dry ? 0 : 3;
}

@SubCommand({ name: 'rotate', description: 'a function of its arguments', allowUnknownOptions: true, allowExcessArgs: true })
class RotateCommand extends ArgsCommand {
  protected readonly runWithArgs = rotateLikeCommand;
}

@Command({ name: 'demo', description: 'a group', subCommands: [RotateCommand] })
class DemoCommand extends CommandGroup {}

@Module({ providers: DemoCommand.registerWithSubCommands() })
class DemoModule {}

/** Runs `demo …args` in this process, keeping what it prints. */
async function demo(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  for (const name of ['stdout', 'stderr'] as const) {
    jest.spyOn(process[name], 'write').mockImplementation((chunk: string | Uint8Array) => {
      out[name] += chunk.toString();
      return true;
    });
  }
  const code = await runCli(DemoModule, ['node', 'cli', 'demo', ...args]);
  jest.restoreAllMocks();
  return { code, ...out };
}

describe('a subcommand that is a function (args: string[]) => Promise<number>, wired through ArgsCommand', () => {
  afterEach(() => {
    received.length = 0;
  });

  it('gets its arguments as typed, options and all, and its exit code is the process exit code', async () => {
    expect(await demo('rotate', '--out', 'key.pem', 'extra')).toMatchObject({ code: 3 });
    expect(await demo('rotate', '--dry')).toMatchObject({ code: 0 });
    expect(received).toEqual([['--out', 'key.pem', 'extra'], ['--dry']]);
  });

  it('--help prints its usage and exits 0 without running it', async () => {
    const help = await demo('rotate', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('a function of its arguments');
    expect(received).toEqual([]);
  });

  it('an option its parser does not know is wrong usage: exit 2 with the message', async () => {
    const wrong = await demo('rotate', '--nope');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Unknown option '--nope'");
  });
});
