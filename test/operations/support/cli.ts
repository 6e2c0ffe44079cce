import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogBackupManifest } from '#event-store/sqlite/sqlite-backup';

const CLI = 'dist/apps/cli/src/main.js';

/** `npm run cli -- …args` with `env` (DATA_DIR…), in a child process: an API in the test's process goes on meanwhile. */
export function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
