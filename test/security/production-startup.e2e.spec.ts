import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from '../support/api-harness.js';
import { freePort } from '../support/free-port.js';

const MAIN = 'dist/apps/api/src/main.js';
const CLI = 'dist/apps/cli/src/main.js';
const SECRET = 'production-start-up-secret-0123456789abcdef';

jest.setTimeout(60000);

/** The environment of this test run without any secret setting of the person running it. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(MODE|JWT_|AUDIT_KEY_PATH)/.test(k)));
  return { ...env, DEMO_DATA: 'false', LOG_LEVEL: 'info', ...extra };
}

describe('MODE=production start-up (node dist/apps/api/src/main.js)', () => {
  let dir: string;
  beforeAll(() => {
    for (const f of [MAIN, CLI]) if (!existsSync(f)) throw new Error(`${f} is missing: run "npm run build" first (npm test does)`);
    dir = mkdtempSync(join(tmpdir(), 'refonda-production-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const secretFile = (name: string, mode: number) => {
    const path = join(dir, name);
    writeFileSync(path, `${SECRET}\n`);
    chmodSync(path, mode);
    return path;
  };
  // A free port all the same: were the check missing, the API would start.
  const start = async (env: Record<string, string>) =>
    spawnSync(process.execPath, [MAIN], {
      env: cleanEnv({ DATA_DIR: join(dir, 'data'), PORT: String(await freePort()), MODE: 'production', ...env }),
      encoding: 'utf8',
      // SIGKILL: an API that started by mistake is stopped at once, and the case fails instead of waiting on its shutdown.
      timeout: 15000,
      killSignal: 'SIGKILL',
    });

  it('without a secret: exit 78, naming JWT_SECRET', async () => {
    const run = await start({});
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/^configuration: JWT_SECRET="" is invalid: required when MODE=production/m);
  });

  it('with a secret file others may read (0644): exit 78, naming JWT_SECRET_FILE; a short secret: exit 78 too', async () => {
    const run = await start({ JWT_SECRET_FILE: secretFile('loose-secret', 0o644) });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/^configuration: JWT_SECRET_FILE=".*loose-secret" is invalid: a file readable by its owner only/m);
    const short = await start({ JWT_SECRET: 'short' });
    expect(short.status).toBe(78);
    expect(short.stderr).toContain('JWT_SECRET="<hidden>" is invalid: at least 32 characters');
  });

  it('with an audit key file others may read: exit 78, naming AUDIT_KEY_PATH', async () => {
    const key = join(dir, 'audit-key.pem');
    writeFileSync(key, 'a key', { mode: 0o644 });
    const run = await start({ JWT_SECRET_FILE: secretFile('tight-secret-1', 0o600), AUDIT_KEY_PATH: key });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/^configuration: AUDIT_KEY_PATH=".*audit-key.pem" is invalid: a file readable by its owner only/m);
  });

  it('with a 0600 secret file: starts, prints no demo token, and accepts a token the CLI signs with that file', async () => {
    const env = cleanEnv({
      DATA_DIR: join(dir, 'data'),
      PORT: String(await freePort()),
      MODE: 'production',
      JWT_SECRET_FILE: secretFile('tight-secret-2', 0o600),
    });
    const api = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    api.stdout.on('data', (c: Buffer) => (log += c.toString()));
    api.stderr.on('data', (c: Buffer) => (log += c.toString()));
    const exited = new Promise<number | null>((done) => api.on('exit', (code) => done(code)));
    try {
      const deadline = Date.now() + 20000;
      while (!log.includes('Refonda API on') && api.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (!log.includes('Refonda API on')) throw new Error(`the API did not start:\n${log}`);
      const token = spawnSync(process.execPath, [CLI, 'token', '--role', 'holder'], { env, encoding: 'utf8' });
      expect(token.status).toBe(0);
      const projects = () =>
        fetch(`http://127.0.0.1:${env.PORT}/projects`, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
      // In production a token proves who the caller is; what they may do is the directory's: the operator grants it.
      const ungranted = await projects();
      expect(ungranted.status).toBe(403);
      expect(((await ungranted.json()) as { code: string }).code).toBe('ACCESS_NOT_GRANTED');
      const grant = spawnSync(process.execPath, [CLI, 'grant', '--sub', 'holder-cli', '--role', 'holder'], { env, encoding: 'utf8' });
      expect({ status: grant.status, stderr: grant.stderr }).toEqual({ status: 0, stderr: '' });
      expect((await projects()).status).toBe(200);
      expect(log).not.toContain('Demo tokens');
      expect(existsSync(join(dir, 'data', 'jwt-secret'))).toBe(false);
    } finally {
      api.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});

describe('demo mode (MODE unset)', () => {
  it('generates the demo secret into DATA_DIR with mode 0600', async () => {
    const api = await startApi({});
    try {
      expect(api.config.security.mode).toBe('demo');
      expect(statSync(join(api.dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
      expect((await api.request('GET', '/projects', { token: await api.token({ role: 'holder' }) })).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
