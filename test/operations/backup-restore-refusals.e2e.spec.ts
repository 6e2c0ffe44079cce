import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { cli, freshDir as freshDirIn, manifestOf } from './support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'refonda-restore-refusals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const freshDir = (name: string) => freshDirIn(scratch, name);

describe('backup and restore refuse what would lose or corrupt data (exit 2)', () => {
  let source: ApiHarness;
  const backupDir = join(scratch, 'refusals');
  beforeAll(async () => {
    source = await startApi();
    const token = await source.token({ role: 'holder' });
    for (let i = 0; i < 3; i++) await source.request('POST', '/projects', { token, body: educationIntention(`Projet ${i}`) });
    expect((await cli({ DATA_DIR: source.dataDir }, 'backup', backupDir)).code).toBe(0);
  });
  afterAll(async () => {
    await source.close();
  });

  it('backup into a directory that holds a backup', async () => {
    const again = await cli({ DATA_DIR: source.dataDir }, 'backup', backupDir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds manifest.json: back up into a new or empty directory');
  });

  it('backup into a directory that holds a log, DATA_DIR itself say', async () => {
    // stat, not read: closing a file the API's SQLite has open would drop its locks (POSIX), this process being the API's.
    const { ino, size } = statSync(join(source.dataDir, 'events.sqlite'));
    const intoDataDir = await cli({ DATA_DIR: source.dataDir }, 'backup', source.dataDir);
    expect(intoDataDir.code).toBe(2);
    expect(intoDataDir.stderr).toContain('already holds events.sqlite');
    expect(statSync(join(source.dataDir, 'events.sqlite'))).toMatchObject({ ino, size });
  });

  it('backup and restore with STORE=eventstoredb, which has its own backup tooling', async () => {
    for (const args of [
      ['backup', freshDir('esdb')],
      ['restore', backupDir],
    ]) {
      const run = await cli({ STORE: 'eventstoredb', DATA_DIR: freshDir('esdb-data') }, ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('embedded SQLite log (STORE=sqlite); with STORE=eventstoredb use its own backup tooling');
    }
  });

  it('restore onto the log of a running API', async () => {
    const run = await cli({ DATA_DIR: source.dataDir }, 'restore', backupDir, '--force');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is open in another process: stop the API');
  });

  it('restore onto a log that holds events, unless --force, which keeps the replaced log beside', async () => {
    const dataDir = freshDir('twice');
    expect((await cli({ DATA_DIR: dataDir }, 'restore', backupDir)).code).toBe(0);
    const refused = await cli({ DATA_DIR: dataDir }, 'restore', backupDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`already holds a log of ${manifestOf(backupDir).events} events`);
    const forced = await cli({ DATA_DIR: dataDir }, 'restore', backupDir, '--force');
    expect(forced.code).toBe(0);
    const kept = /the log it replaced is kept as (\S+)/.exec(forced.stdout)![1]!;
    expect(readFileSync(kept)).toEqual(readFileSync(join(dataDir, 'events.sqlite')));
  });

  it('restore --force moves the replaced log away with its -wal, which is never left beside the restored file', async () => {
    const dataDir = freshDir('stale-wal');
    const log = join(dataDir, 'events.sqlite');
    const crashed = new SqliteEventStore({ path: log });
    for (let i = 0; i < 50; i++) {
      await crashed.appendToStream(`other-${i}`, [{ id: randomUUID(), type: 'Tick', data: { i } }], { expectedRevision: 'no_stream' });
    }
    // What a crash leaves: WAL frames not yet checkpointed into the file (a clean close folds them in).
    const wal = readFileSync(`${log}-wal`);
    await crashed.close();
    writeFileSync(`${log}-wal`, wal);
    const forced = await cli({ DATA_DIR: dataDir }, 'restore', backupDir, '--force');
    expect(forced.code).toBe(0);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('events.sqlite-'))).toEqual([]);
    const kept = /the log it replaced is kept as (\S+)/.exec(forced.stdout)![1]!;
    const replaced = new Database(kept, { readonly: true });
    expect(replaced.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 50 });
    replaced.close();
    const verify = await cli({ DATA_DIR: dataDir }, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`OK: ${manifestOf(backupDir).events} events`);
  });

  it('restore from a copy that no longer matches the sha256 of its manifest', async () => {
    const tampered = freshDir('tampered');
    for (const f of ['manifest.json', 'events.sqlite']) writeFileSync(join(tampered, f), readFileSync(join(backupDir, f)));
    const bytes = readFileSync(join(tampered, 'events.sqlite'));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(join(tampered, 'events.sqlite'), bytes);
    const dataDir = freshDir('from-tampered');
    const run = await cli({ DATA_DIR: dataDir }, 'restore', tampered);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does not match the sha256 of manifest.json');
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(false);
  });
});
