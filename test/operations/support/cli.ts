import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogBackupManifest } from '#event-store/sqlite/sqlite-backup';

const CLI = 'dist/apps/cli/src/main.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- …args` with `env` (DATA_DIR…), in a child process: an API in the test's process goes on meanwhile. */
export function cli(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  return cliUnder(undefined, env, ...args);
}

/** The same under `umask` (e.g. '022'): a shell sets it, then becomes the CLI. An undefined variable of `env` is unset. */
export function cliUnder(umask: string | undefined, env: Record<string, string | undefined>, ...args: string[]): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined));
  const options = { env: merged, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
  const child = umask
    ? spawn('sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, CLI, ...args], options)
    : spawn(process.execPath, [CLI, ...args], options);
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const manifestOf = (dir: string): LogBackupManifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** A new directory under `parent`. */
export const freshDir = (parent: string, name: string) => mkdtempSync(join(parent, `${name}-`));
