import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { educationIntention } from '../support/demo-fixtures.js';
import { freePort } from '../support/free-port.js';
import { answers, captureOutput, exitOf, isRunning, waitFor } from './child-process.js';
import { cliUnder } from './support/cli.js';

// `npm start` runs in a copy of the project (its sources, its build, node_modules linked): a rebuild there never rewrites
// the dist/ that other tests run.
const ROOT = process.cwd();
const copy = mkdtempSync(join(tmpdir(), 'refonda-npm-start-'));
const BUILD_INPUTS = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts', 'apps', 'libs', 'bench', 'test/support', 'dist'];
const started: number[] = [];

beforeAll(() => {
  for (const path of BUILD_INPUTS) {
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(copy, path), { recursive: true, preserveTimestamps: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(() => {
  // A server a failed assertion left running (the bug this file is about) is stopped here.
  for (const pid of started.filter(isRunning)) process.kill(pid, 'SIGKILL');
  rmSync(copy, { recursive: true, force: true });
});
jest.setTimeout(180000);

/** The environment npm scripts see: node_modules/.bin first on PATH (Node 26), a fresh DATA_DIR. */
function npmEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const PATH = [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter);
  return { ...process.env, PATH, DATA_DIR: mkdtempSync(join(copy, 'data-')), DEMO_DATA: 'false', LOG_LEVEL: 'info', ...extra };
}

/** The pids whose parent is `pid` (Linux /proc: "pid (command) state ppid ..."). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // it ended meanwhile
      }
    })
    .map(Number);
}

/** `npm start` on a free port, once it answers /health; with the pids of every process of the run under npm. */
async function npmStart(options: { ownGroup?: boolean; env?: Record<string, string> } = {}) {
  const port = await freePort();
  const env = npmEnv({ PORT: String(port), ...options.env });
  const npm = spawn('npm', ['start'], {
    cwd: copy,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownGroup,
  });
  const output = captureOutput(npm);
  const url = `http://127.0.0.1:${port}`;
  const health = `${url}/health`;
  await waitFor(
    () => answers(health),
    120000,
    () => `npm start did not answer ${health}:\n${output.text()}`,
  );
  const descendants = (pid: number): number[] => childrenOf(pid).flatMap((child) => [child, ...descendants(child)]);
  const pids = descendants(npm.pid!);
  started.push(...pids);
  const serving = pids.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[1]?.endsWith('dist/apps/api/src/main.js'));
  return { npm, output, url, health, pids, serving, dataDir: env.DATA_DIR! };
}

/** A POST sent in two parts: the server holds the request in flight until `finish()` sends the rest of the body. */
function slowPost(url: string, token: string): { finish: () => void; status: Promise<number | undefined> } {
  const body = Buffer.from(JSON.stringify(educationIntention()));
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(body.length) };
  const req = request(url, { method: 'POST', headers });
  const status = new Promise<number | undefined>((resolve, reject) => {
    req.on('response', (res) => resolve(res.resume().statusCode));
    req.on('error', reject);
  });
  req.write(body.subarray(0, 10));
  return { finish: () => req.end(body.subarray(10)), status };
}

/** Once the run has ended: nothing of it is left, nothing answers, the server closed the store; npm's own exit. */
async function expectAllStopped(
  run: { npm: ChildProcess; output: { text: () => string }; health: string; pids: number[] },
  npmExit: { code: number | null; signal: string | null } = { code: 0, signal: null },
) {
  const exit = await exitOf(run.npm, 30000);
  await waitFor(
    () => !run.pids.some(isRunning),
    30000,
    () => 'the run has not ended',
  );
  expect(await answers(run.health)).toBe(false);
  // The server stopped through its own handler, and its log reached npm's output.
  expect(run.output.text()).toContain('event store and read models closed');
  expect(exit).toEqual(npmExit);
}

describe('npm start', () => {
  it('stops the server gracefully and exits 0 when npm alone gets SIGTERM; the server output is not hidden', async () => {
    const run = await npmStart();
    expect(run.serving).toHaveLength(1);
    run.npm.kill('SIGTERM');
    await expectAllStopped(run);
  });

  it('stops the server gracefully on a Ctrl-C, which reaches it once though npm forwards it again, however late', async () => {
    const run = await npmStart({ ownGroup: true });
    // A demo-secret token whose habilitation `cli token` records (demo mode).
    const issued = await cliUnder(
      undefined,
      { DATA_DIR: run.dataDir, JWT_SECRET: undefined },
      'token',
      '--role',
      'holder',
      '--sub',
      'holder-ctrl-c',
    );
    expect(issued).toMatchObject({ code: 0, stderr: '' });
    const upload = slowPost(`${run.url}/projects`, issued.stdout.trim());
    await new Promise((resolve) => setTimeout(resolve, 300));
    // What a terminal does on Ctrl-C: SIGINT to the whole foreground process group. Then npm's copy, late, while the
    // server is still stopping: it waits for the rest of the request in flight.
    process.kill(-run.npm.pid!, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    run.npm.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    upload.finish();
    expect(await upload.status).toBe(201);
    await expectAllStopped(run);
  });

  it('stops the server gracefully when the terminal closes (SIGHUP to npm and the launcher; npm dies of it)', async () => {
    const run = await npmStart({ ownGroup: true });
    process.kill(-run.npm.pid!, 'SIGHUP');
    await expectAllStopped(run, { code: null, signal: 'SIGHUP' });
  });

  it('does not rebuild a current build, rebuilds after a source changed, and does not start after a failed build', () => {
    // An invalid PORT makes the server stop at once (exit 78) after the build step: what is checked is the build step.
    const start = () => spawnSync('npm', ['start'], { cwd: copy, env: npmEnv({ PORT: 'not-a-port' }), encoding: 'utf8', timeout: 120000 });
    const output = (file: string) => join(copy, 'dist/libs/kernel/src', file);
    const source = join(copy, 'libs/kernel/src/decider.ts');
    const first = start(); // builds or not, depending on the worktree's dist/
    expect(first.status).toBe(78);

    const before = statSync(output('decider.js')).mtimeMs;
    const current = start();
    expect(current.stderr).toMatch(/npm start: build is current \(checked in \d+\.\d s\)/);
    expect(current.stderr).toContain('configuration: PORT="not-a-port" is invalid');
    expect(current.status).toBe(78);
    expect(statSync(output('decider.js')).mtimeMs).toBe(before);

    appendFileSync(source, '\n// edited after the build\n');
    const stale = start();
    expect(stale.stderr).toMatch(/npm start: built in \d+\.\d s/);
    expect(readFileSync(output('decider.js'), 'utf8')).toContain('// edited after the build');
    expect(stale.status).toBe(78);

    appendFileSync(source, 'export const broken: number = "not a number";\n');
    // Twice: tsc -b remembers that the last build failed, so the next start rebuilds (and fails) rather than run it.
    for (const failed of [start(), start()]) {
      expect(failed.stdout + failed.stderr).toContain('error TS2322');
      expect(failed.stderr).toMatch(/npm start: the build failed \(tsc exit [1-9]\d*\): not starting/);
      expect(failed.stderr).not.toContain('configuration: PORT');
      expect(failed.status).not.toBe(0);
      expect(failed.status).not.toBe(78);
    }
  });
});
