import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const CLI = 'dist/apps/cli/src/main.js';
const dataDir = mkdtempSync(join(tmpdir(), 'refonda-cli-usage-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm run cli -- …args` on an empty DATA_DIR; resolves with the exit code and both outputs. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  return new Promise((resolve) =>
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir }, timeout: 20000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
}

const COMMANDS = ['token', 'grant', 'workflow', 'projections', 'audit', 'backup', 'restore'];
const SUBCOMMANDS = [
  ['projections', 'rebuild'],
  ['projections', 'list'],
  ...['verify', 'anchor', 'rotate-key', 'public-key', 'replay', 'export-ledger', 'export-log'].map((sub) => ['audit', sub]),
];

describe('npm run cli -- … --help, on every command (nest-commander)', () => {
  it('the CLI lists every command', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run cli -- \[options\] \[command\]/);
    for (const c of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it.each(COMMANDS)('%s --help prints its usage and exits 0', async (command) => {
    const help = await cli(command, '--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(new RegExp(`^Usage: npm run cli -- ${command} `));
  });

  it.each(SUBCOMMANDS)('%s %s --help prints its usage and options, and exits 0', async (group, sub) => {
    const help = await cli(group, sub, '--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(new RegExp(`^Usage: npm run cli -- ${group} ${sub} `));
    expect(help.stdout).toContain('-h, --help');
  });

  it('token --help names its options (it used to answer "Unknown option")', async () => {
    const help = await cli('token', '--help');
    for (const option of ['--role <role>', '--academie <code>', '--ttl <seconds>', '--capacity <capacity>']) {
      expect(help.stdout).toContain(option);
    }
  });

  it('audit anchor --help names the key it signs with: AUDIT_KEY_PATH, by default in DATA_DIR', async () => {
    const help = await cli('audit', 'anchor', '--help');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('the Ed25519 key at AUDIT_KEY_PATH (default DATA_DIR/audit-ed25519.pem)');
  });

  it('a group alone prints its subcommands', async () => {
    const audit = await cli('audit');
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/^ {2}export-ledger \[options\]/m);
  });
});

describe('npm run cli -- wrong usage exits 2 with a message', () => {
  it.each([
    [['nope'], "error: unknown command 'nope'"],
    [['audit', 'nope'], "error: unknown command 'nope'"],
    [['projections', 'nope'], "error: unknown command 'nope'"],
    [['token', '--role', 'admin', '--nope'], "error: unknown option '--nope'"],
    [['audit', 'verify', '--nope'], "error: unknown option '--nope'"],
    [['audit', 'rotate-key', '--nope'], "error: unknown option '--nope'"],
    [['audit', 'rotate-key', 'extra'], 'error: too many arguments'],
    [['projections', 'rebuild', 'funnel', 'extra'], 'error: too many arguments'],
    [['workflow', 'education', '--version'], "error: option '--version <n>' argument missing"],
    [['backup'], "error: missing required argument 'dir'"],
    [['token', '--role', 'mayor'], '--role must be one of holder, validator, decider, finance, accountant, auditor, admin'],
  ])('%j', async (args, message) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('audit rotate-key refused for wrong usage rotates nothing', () => {
    expect(readdirSync(dataDir).filter((f) => f.startsWith('audit'))).toEqual([]);
  });

  it('an unexpected failure exits 1 with its message', async () => {
    const run = await cli('audit', 'export-log', '--out', join(dataDir, 'no-such-dir', 'log.jsonl'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ENOENT');
  });
});
