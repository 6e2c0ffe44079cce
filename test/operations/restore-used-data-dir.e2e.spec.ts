import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsumerStatuses } from '../../apps/api/src/health/consumer-statuses.js';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { actors, eventually, fundingOf, openNancyMetz, validatedEducationProject } from '../funding/funding-flow.js';
import { cli, manifestOf } from './support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'refonda-restore-used-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DERIVED = ['read-models-main.sqlite', 'processes-main.sqlite', 'funding-process-main.sqlite'];

/** The admin health once every consumer has caught up with the head, or has failed. */
async function settledHealth(api: ApiHarness) {
  return eventually(
    () => api.health(),
    (r) => Object.values(r.body.details as Record<string, { state?: string; lag?: number }>).every((c) => c.state === 'failed' || !c.lag),
  );
}

describe('restore --force into the DATA_DIR of a stopped API whose processes went past the backup', () => {
  const backupDir = join(scratch, 'backup');
  let dataDir: string;
  let lostProject: string;
  beforeAll(async () => {
    const api = await startApi();
    dataDir = api.dataDir;
    const a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    await validatedEducationProject(api, a, 1_000_000, 1_000_000, 'Projet sauvegardé');
    await settledHealth(api);
    expect((await cli({ DATA_DIR: dataDir }, 'backup', backupDir)).code).toBe(0);
    // After the backup: the funding and deadline processes and the read models move past its head.
    lostProject = await validatedEducationProject(api, a, 1_000_000, 1_000_000, 'Projet perdu');
    await settledHealth(api);
    await api.close(true);
  });

  it('without the fix of the restore (only the log put back): every consumer stops, visibly, instead of skipping', async () => {
    const onlyLog = join(scratch, 'only-log');
    cpSync(dataDir, onlyLog, { recursive: true });
    copyFileSync(join(backupDir, 'events.sqlite'), join(onlyLog, 'events.sqlite'));
    const api = await startApi({}, onlyLog);
    try {
      // The directory is past the head too: no token resolves (the admin's /health/ready included), the public /health shows it.
      const health = await eventually(
        () => api.request('GET', '/health'),
        (r) =>
          Object.values(r.body.details as Record<string, { status: string }>).every(
            (c) => c.status === 'down' || c === r.body.details.store,
          ),
      );
      expect(health.status).toBe(503);
      const head = manifestOf(backupDir).headPosition;
      const reports = new Map(api.app.get(ConsumerStatuses).list());
      for (const key of ['process.funding', 'process.deadlines', 'projection.projects', 'projection.directory']) {
        expect([key, health.body.details[key].status, reports.get(key)?.state]).toEqual([key, 'down', 'failed']);
        expect(JSON.stringify(reports.get(key))).toContain(`is past the head of the event log (position ${head})`);
      }
    } finally {
      await api.close();
    }
  });

  it('refuses without --force, naming the log and the derived databases', async () => {
    const refused = await cli({ DATA_DIR: dataDir }, 'restore', backupDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${join(dataDir, 'events.sqlite')} already holds a log of`);
    for (const file of DERIVED) expect(refused.stderr).toContain(join(dataDir, file));
  });

  it('moves the read models and process checkpoints aside; the restarted processes handle the events written next', async () => {
    const restore = await cli({ DATA_DIR: dataDir }, 'restore', backupDir, '--force');
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    for (const file of DERIVED) expect(restore.stdout).toMatch(new RegExp(`  ${join(dataDir, file)} -> \\S+\\.replaced-`));
    expect(restore.stdout).toContain('they are rebuilt from the restored log');
    const left = readdirSync(dataDir).filter((f) => !f.includes('.replaced-'));
    // People's details are not derived from the log: a restore of the log leaves them where they are.
    expect(left.sort()).toEqual(['events.sqlite', 'jwt-secret', 'people.sqlite']);
    expect((await cli({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'projections', 'rebuild')).code).toBe(0);

    const api = await startApi({}, dataDir);
    try {
      const a = await actors(api);
      expect((await fundingOf(api, a.holder, lostProject)).status).toBe(404);
      const next = await validatedEducationProject(api, a, 1_000_000, 1_000_000, 'Projet après la restauration');
      expect((await fundingOf(api, a.holder, next)).body).toMatchObject({
        projectStatus: 'validated',
        funding: { status: 'no_award_act' },
      });
      const health = await settledHealth(api);
      expect(health.status).toBe(200);
      const head = await api.headPosition();
      expect(health.body.details['process.deadlines']).toMatchObject({ state: 'running', position: head });
      expect(health.body.details['process.funding']).toMatchObject({ state: 'running', position: head });
    } finally {
      await api.close();
    }
  });
});
