import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { educationIntention } from '../support/demo-fixtures.js';
import { freePort } from '../support/free-port.js';
import { answers, captureOutput, exitOf, waitFor } from './child-process.js';
import { cliUnder } from './support/cli.js';

const MAIN = 'dist/apps/api/src/main.js';
const root = mkdtempSync(join(tmpdir(), 'refonda-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
jest.setTimeout(60000);

const modeOf = (path: string) => statSync(path).mode & 0o777;
const modesIn = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, `0${modeOf(join(dir, f)).toString(8)}`]));

/** Runs the built API under `umask` on DATA_DIR `dataDir` (demo secret, no demo data) while `use` runs; then SIGTERM. */
async function whileServing(dataDir: string, umask: string, use: (url: string) => Promise<void>): Promise<string> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
  const port = await freePort();
  const { JWT_SECRET: _demoSecretInstead, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir, PORT: String(port), DEMO_DATA: 'false', LOG_LEVEL: 'info' };
  const api = spawn('sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(api);
  try {
    await waitFor(
      () => answers(`http://127.0.0.1:${port}/health`),
      30000,
      () => `the API did not start:\n${output.text()}`,
    );
    await use(`http://127.0.0.1:${port}`);
  } finally {
    api.kill('SIGTERM');
    expect(await exitOf(api, 15000)).toEqual({ code: 0, signal: null });
  }
  return output.text();
}

describe('a fresh DATA_DIR', () => {
  // 022 is the usual umask (it made every file 0644); 000 shows that the modes do not come from the umask at all.
  it.each(['022', '000'])(
    'under umask %s: DATA_DIR is 0750, every database file and its -wal/-shm 0640, the secret 0600',
    async (umask) => {
      const dataDir = join(mkdtempSync(join(root, 'fresh-')), 'data');
      const output = await whileServing(dataDir, umask, async (url) => {
        // A token of the demo secret whose habilitation `cli token` records (demo mode), under the same umask.
        const issued = await cliUnder(
          umask,
          { DATA_DIR: dataDir, JWT_SECRET: undefined },
          'token',
          '--role',
          'holder',
          '--sub',
          'holder-modes',
        );
        expect(issued).toMatchObject({ code: 0, stderr: '' });
        const token = issued.stdout.trim();
        const created = await fetch(`${url}/projects`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(educationIntention()),
        });
        expect(created.status).toBe(201);
        // While it runs, after a write: every WAL and shared-memory file exists.
        const databases = ['events', 'read-models-main', 'processes-main', 'funding-process-main'].map((name) => `${name}.sqlite`);
        const expected = Object.fromEntries(databases.flatMap((db) => ['', '-wal', '-shm'].map((suffix) => [db + suffix, '0640'])));
        expect(modesIn(dataDir)).toMatchObject({ ...expected, 'jwt-secret': '0600' });
        // And whatever else is there: nothing for others, no group write.
        expect(readdirSync(dataDir).filter((f) => (modeOf(join(dataDir, f)) & ~0o640) !== 0)).toEqual([]);
        expect(modeOf(dataDir)).toBe(0o750);
      });
      expect(output).not.toContain('REFONDA_FILE_MODE');
    },
  );
});

describe('files a previous version left with looser modes', () => {
  it('are narrowed at start (never widened), with a warning naming each; an existing DATA_DIR keeps its mode, with a warning', async () => {
    const dataDir = mkdtempSync(join(root, 'loose-'));
    await new SqliteEventStore({ path: join(dataDir, 'events.sqlite') }).close();
    const leave = (file: string, mode: number) => {
      closeSync(openSync(join(dataDir, file), 'a'));
      chmodSync(join(dataDir, file), mode);
    };
    leave('events.sqlite', 0o666);
    leave('events.sqlite-wal', 0o644); // a WAL left behind (a zero-length WAL is an empty one to SQLite)
    leave('read-models-main.sqlite', 0o604);
    chmodSync(dataDir, 0o755);
    const output = await whileServing(dataDir, '022', async () => {
      expect(modesIn(dataDir)).toMatchObject({
        'events.sqlite': '0640',
        'events.sqlite-wal': '0640',
        'events.sqlite-shm': '0640',
        'read-models-main.sqlite': '0600',
        'read-models-main.sqlite-wal': '0600',
        'processes-main.sqlite': '0640',
      });
      expect(modeOf(dataDir)).toBe(0o755);
    });
    const warnings = output.split('\n').filter((line) => line.includes('[REFONDA_FILE_MODE] SecurityWarning: '));
    expect(warnings.map((line) => line.split('SecurityWarning: ')[1]).sort()).toEqual(
      [
        `${dataDir} has mode 0755: others may list it (its database files are 0640)`,
        `${join(dataDir, 'events.sqlite')} had mode 0666: narrowed to 0640`,
        `${join(dataDir, 'events.sqlite-wal')} had mode 0644: narrowed to 0640`,
        `${join(dataDir, 'read-models-main.sqlite')} had mode 0604: narrowed to 0600`,
      ].sort(),
    );
  });
});
