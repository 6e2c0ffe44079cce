import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { buildLog } from '../audit/support/tamper.js';
import { cliUnder } from './support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'refonda-cli-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (path: string) => `0${(statSync(path).mode & 0o777).toString(8)}`;
const modesIn = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, modeOf(join(dir, f))]));
/** A DATA_DIR that does not exist yet: the CLI is the first to write there. */
const freshDataDir = () => join(mkdtempSync(join(root, 'fresh-')), 'data');
/** The CLI under the usual umask (which makes 0755 directories and 0644 files), with the demo secret (no JWT_SECRET). */
const cli = (dataDir: string, ...args: string[]) =>
  cliUnder('022', { DATA_DIR: dataDir, JWT_SECRET: undefined, LOG_LEVEL: 'silent' }, ...args);

describe('the CLI first on a fresh DATA_DIR, under umask 022: the modes the API gives (DATA_DIR 0750, databases 0640)', () => {
  it('token: DATA_DIR 0750, the demo secret 0600; the log and the directory it records the habilitation in 0640', async () => {
    const dataDir = freshDataDir();
    expect((await cli(dataDir, 'token', '--role', 'admin')).code).toBe(0);
    expect([modeOf(dataDir), modesIn(dataDir)]).toEqual([
      '0750',
      { 'jwt-secret': '0600', 'events.sqlite': '0640', 'read-models-main.sqlite': '0640' },
    ]);
  });

  it('grant: the log and the directory 0640 (and the demo secret 0600, demo mode)', async () => {
    const dataDir = freshDataDir();
    expect(
      (await cli(dataDir, 'grant', '--sub', 'recteur-12', '--role', 'decider', '--academie', '12', '--capacity', 'recteur')).code,
    ).toBe(0);
    expect([modeOf(dataDir), modesIn(dataDir)]).toEqual([
      '0750',
      { 'jwt-secret': '0600', 'events.sqlite': '0640', 'read-models-main.sqlite': '0640' },
    ]);
  });

  it('projections rebuild (the log and the read models) and list (the read models): 0640', async () => {
    const expected = {
      rebuild: { 'events.sqlite': '0640', 'read-models-main.sqlite': '0640' },
      list: { 'read-models-main.sqlite': '0640' },
    };
    for (const [command, files] of Object.entries(expected)) {
      const dataDir = freshDataDir();
      expect((await cli(dataDir, 'projections', command)).code).toBe(0);
      expect([command, modeOf(dataDir), modesIn(dataDir)]).toEqual([command, '0750', files]);
    }
  });

  it('audit export-log and export-ledger: the log 0640', async () => {
    for (const command of ['export-log', 'export-ledger']) {
      const dataDir = freshDataDir();
      expect((await cli(dataDir, 'audit', command)).code).toBe(0);
      expect([command, modeOf(dataDir), modesIn(dataDir)]).toEqual([command, '0750', { 'events.sqlite': '0640' }]);
    }
  });

  it('audit public-key and rotate-key: the signing key 0600, its keyring 0700', async () => {
    for (const command of ['public-key', 'rotate-key']) {
      const dataDir = freshDataDir();
      expect((await cli(dataDir, 'audit', command)).code).toBe(0);
      const modes = { 'audit-ed25519.pem': '0600', 'audit-keyring': '0700' };
      expect([command, modeOf(dataDir), modesIn(dataDir)]).toEqual([command, '0750', modes]);
    }
  });

  it('restore: the restored log 0640', async () => {
    const source = mkdtempSync(join(root, 'source-'));
    await buildLog(join(source, 'events.sqlite'));
    const backup = join(root, 'backup');
    expect((await cli(source, 'backup', backup)).code).toBe(0);
    const dataDir = freshDataDir();
    expect((await cli(dataDir, 'restore', backup)).code).toBe(0);
    expect([modeOf(dataDir), modesIn(dataDir)]).toEqual(['0750', { 'events.sqlite': '0640' }]);
  });
});
