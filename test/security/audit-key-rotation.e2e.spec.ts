import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildLog } from '../audit/support/tamper.js';

const run = promisify(execFile);
const CLI = 'dist/apps/cli/src/main.js';

describe('npm run cli -- audit rotate-key, with the key outside DATA_DIR (AUDIT_KEY_PATH)', () => {
  let dataDir: string;
  let holder: string;
  let keyPath: string;
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
    dataDir = mkdtempSync(join(tmpdir(), 'refonda-rotate-data-'));
    holder = mkdtempSync(join(tmpdir(), 'refonda-rotate-key-holder-'));
    keyPath = join(holder, 'anchors.pem');
    await buildLog(join(dataDir, 'events.sqlite'));
  });
  afterAll(() => {
    for (const d of [dataDir, holder]) rmSync(d, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, 'audit', ...args], {
        env: { ...process.env, DATA_DIR: dataDir, AUDIT_KEY_PATH: keyPath },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const anchorFile = (name: string) => JSON.parse(readFileSync(join(holder, name), 'utf8')) as { keyFingerprint: string };

  it('anchors before and after a rotation both verify from the keyring, each naming its own key', async () => {
    expect((await cli('anchor', '--out', join(holder, 'before.json'))).code).toBe(0);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).filter((f) => f.includes('audit'))).toEqual([]);
    const first = anchorFile('before.json').keyFingerprint;
    expect((await cli('public-key', '--out', join(holder, 'first.pem'))).code).toBe(0);

    const rotation = await cli('rotate-key');
    expect(rotation.code).toBe(0);
    expect(rotation.stdout).toContain(`the previous key ${first} is retired`);
    expect((await cli('anchor', '--out', join(holder, 'after.json'))).code).toBe(0);
    const second = anchorFile('after.json').keyFingerprint;
    expect(second).not.toBe(first);
    expect(rotation.stdout).toContain(`anchors are now signed by key ${second}`);
    expect(readdirSync(join(holder, 'audit-keyring')).sort()).toEqual([`${first}.pub.pem`, `${second}.pub.pem`].sort());

    for (const [file, key] of [
      ['before.json', first],
      ['after.json', second],
    ] as const) {
      const verified = await cli('verify', '--anchor', join(holder, file));
      expect(verified).toMatchObject({ code: 0 });
      expect(verified.stdout).toContain(`signed by key ${key.slice(0, 16)}…`);
      expect(verified.stdout).not.toContain('warning');
    }
    // An auditor's own copy of the first public key still proves the old anchor, and refuses the new one.
    expect((await cli('verify', '--anchor', join(holder, 'before.json'), '--public-key', join(holder, 'first.pem'))).code).toBe(0);
    const wrongKey = await cli('verify', '--anchor', join(holder, 'after.json'), '--public-key', join(holder, 'first.pem'));
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toContain('signed with another key than the trusted one');
  });

  it('refuses to sign with a key file group or others may read, and says how to fix it', async () => {
    chmodSync(keyPath, 0o640);
    try {
      const refused = await cli('anchor');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`refusing the audit signing key ${keyPath}: group or others may read it (mode 640)`);
      expect(refused.stderr).toContain('chmod 600');
    } finally {
      chmodSync(keyPath, 0o600);
    }
  });

  it('refuses a keyring that group or others may write (exit 1, nothing checked); --public-key still checks the anchor', async () => {
    const keyring = join(holder, 'audit-keyring');
    chmodSync(keyring, 0o775);
    try {
      const refused = await cli('verify', '--anchor', join(holder, 'before.json'));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`refusing the audit keyring: group or others may write ${keyring} (mode 775)`);
      expect(refused.stdout).toBe('');
      expect((await cli('verify', '--anchor', join(holder, 'before.json'), '--public-key', join(holder, 'first.pem'))).code).toBe(0);
    } finally {
      chmodSync(keyring, 0o700);
    }
  });
});
