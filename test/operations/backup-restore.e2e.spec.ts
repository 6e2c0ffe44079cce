import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { cli, freshDir, manifestOf } from './support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'refonda-backup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Acknowledged {
  projectId: string;
  position: bigint;
}

describe('backup while the API writes, restore into a fresh DATA_DIR, rebuild, verify', () => {
  let api: ApiHarness;
  const acknowledged: Acknowledged[] = [];
  const backupDir = join(scratch, 'backup');
  let backup: { code: number | null; stdout: string; stderr: string };
  let duringBackup = 0;

  beforeAll(async () => {
    // 4 writers on one token for as long as the backup runs: on a fast machine, more than the default 300 writes a minute
    // per token, and a 429 would end the test; the limit is not what it checks.
    api = await startApi({ RATE_LIMIT_WRITE_MAX: '10000000' });
    const token = await api.token({ role: 'holder', sub: 'holder-backup' });
    let writing = true;
    let backupRunning = false;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const res = await api.request('POST', '/projects', { token, body: educationIntention(`Projet ${w}-${i}`) });
        expect(res.status).toBe(201);
        acknowledged.push({ projectId: res.body.projectId, position: BigInt(res.body.position) });
        if (backupRunning) duringBackup++;
      }
    };
    const writers = Promise.all(Array.from({ length: 4 }, (_, w) => writer(w)));
    // A writer that failed (a 429, say) ends the wait with its error, instead of leaving it waiting for writes for ever.
    const acknowledgedReach = async (n: number) => {
      while (acknowledged.length < n) await Promise.race([writers, new Promise((r) => setTimeout(r, 20))]);
    };
    await acknowledgedReach(40);
    backupRunning = true;
    backup = await cli({ DATA_DIR: api.dataDir }, 'backup', backupDir);
    backupRunning = false;
    await acknowledgedReach(acknowledged.length + 20);
    writing = false;
    await writers;
  });
  afterAll(async () => {
    await api.close();
  });

  it('backup copies the log online and describes the copy in its manifest', () => {
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    const manifest = manifestOf(backupDir);
    expect(backup.stdout).toContain(`${manifest.events} events up to position ${manifest.headPosition} (head ${manifest.headHash})`);
    expect(manifest).toMatchObject({ format: 'refonda-event-log-backup', version: 1, store: 'sqlite', file: 'events.sqlite' });
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.bytes).toBe(statSync(join(backupDir, 'events.sqlite')).size);
    expect(statSync(join(backupDir, 'events.sqlite')).mode & 0o777).toBe(0o600);
    // Writes went on while the backup ran, and after it: the copy is a prefix of the log, not its end.
    expect(duringBackup).toBeGreaterThan(0);
    expect(acknowledged.some((a) => a.position > BigInt(manifest.headPosition))).toBe(true);
  });

  it('restore, projections rebuild and audit verify on a fresh DATA_DIR: every acknowledged event up to the head, none after', async () => {
    const manifest = manifestOf(backupDir);
    const head = BigInt(manifest.headPosition);
    const dataDir = freshDir(scratch, 'restored');
    const restore = await cli({ DATA_DIR: dataDir }, 'restore', backupDir);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`restored ${manifest.events} events up to position ${head}`);
    expect(restore.stdout).toContain('npm run cli -- projections rebuild');
    // The modes the API gives its log (file-modes.ts): the copy in the backup directory stays 0600.
    expect(statSync(join(dataDir, 'events.sqlite')).mode & 0o777).toBe(0o640);

    const rebuild = await cli({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'projections', 'rebuild');
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toContain(`to position ${head} `);
    const verify = await cli({ DATA_DIR: dataDir }, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`OK: ${manifest.events} events`);
    expect(verify.stdout).toContain(`head ${manifest.headHash} at position ${head} (equals log_head)`);

    const log = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const positionOf = log.prepare<[string], { position: number }>('SELECT position FROM events WHERE stream_id = ?');
    const { events, last } = log.prepare('SELECT count(*) AS events, max(position) AS last FROM events').get() as Record<string, number>;
    const found = acknowledged.map((a) => ({ ...a, restored: positionOf.get(`project-${a.projectId}`)?.position }));
    log.close();
    expect({ events, last: BigInt(last!) }).toEqual({ events: manifest.events, last: head });
    const missing = found.filter((a) => a.position <= head && BigInt(a.restored ?? -1) !== a.position);
    const beyond = found.filter((a) => a.position > head && a.restored !== undefined);
    expect({ missing, beyond }).toEqual({ missing: [], beyond: [] });
    expect(found.filter((a) => a.position <= head).length).toBeGreaterThanOrEqual(40);

    // The API starts on the restored log and its rebuilt read models, which hold the projects up to the head.
    const restored = await startApi({}, dataDir);
    const reader = await restored.token({ role: 'admin' });
    const kept = found.find((a) => a.position === head) ?? found.filter((a) => a.position <= head).at(-1)!;
    const lost = found.find((a) => a.position > head)!;
    expect((await restored.request('GET', `/projects/${kept.projectId}`, { token: reader })).status).toBe(200);
    expect((await restored.request('GET', `/projects/${lost.projectId}`, { token: reader })).status).toBe(404);
    await restored.close();
  });
});
