import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { FundingProcessRunner } from '#processes';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { NANCY_METZ_2023, actors, eventually, fundingOf, openNancyMetz, store, validatedEducationProject } from './funding-flow.js';
import { commitAct, communePaysForSchool, signedAwardAct } from './award-flow.js';

const runner = (api: ApiHarness) => api.app.get(FundingProcessRunner);
const head = async (api: ApiHarness) => await api.headPosition();

describe('the funding process survives restarts, handles each event once, and stops visibly on an error', () => {
  let api: ApiHarness | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('resumes from its checkpoint after a restart; with its checkpoint lost, re-handles the whole log and writes nothing new', async () => {
    api = await startApi();
    const a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    await communePaysForSchool(api, a);
    const id = await validatedEducationProject(api, a, 2_000_000, 1_800_000, 'Festival de théâtre lycéen à Verdun');
    await signedAwardAct(api, a, id);
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, id)).status).toBe(200);
    await eventually(
      () => fundingOf(api!, a.holder, id),
      (r) => r.body.projectStatus === 'financing',
    );
    await runner(api).caughtUp();
    const dataDir = api.dataDir;
    const before = await head(api);

    await api.close(true);
    api = await startApi({}, dataDir);
    await runner(api).caughtUp();
    expect(await head(api)).toBe(before);

    // The worst crash: the checkpoint file is lost after the steps were written. Every event is handled again.
    await api.close(true);
    rmSync(join(dataDir, 'funding-process-main.sqlite'));
    rmSync(join(dataDir, 'funding-process-main.sqlite-wal'), { force: true });
    rmSync(join(dataDir, 'funding-process-main.sqlite-shm'), { force: true });
    api = await startApi({}, dataDir);
    await runner(api).caughtUp();
    expect(runner(api).status()).toMatchObject({ state: 'running', position: before });
    expect(await head(api)).toBe(before);

    const started = (await store(api).readStream(`project-${id}`)).filter((e) => e.type === 'project.financing_started');
    expect(started).toHaveLength(1);
    expect(runner(api).record(id)).toMatchObject({ status: 'financing', envelopeId: NANCY_METZ_2023 });
  });

  it('a project this version cannot read stops the process: /health 503 (error shown to an admin), also after a restart', async () => {
    api = await startApi();
    const a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    await communePaysForSchool(api, a);
    const id = await validatedEducationProject(api, a, 1_000_000, 1_000_000, 'Projet qu’une version plus récente a touché');
    await signedAwardAct(api, a, id);
    // An event a newer version wrote: this one refuses to decide on a state it reads badly.
    await store(api).appendToStream(
      `project-${id}`,
      [{ id: randomUUID(), type: 'project.from_a_newer_version', data: { note: 'inconnu ici' } }],
      { expectedRevision: 'stream_exists' },
    );
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, id)).status).toBe(200);
    const health = await eventually(
      () => api!.health(),
      (r) => r.body.details?.['process.funding']?.state === 'failed',
    );
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('error');
    expect(health.body.details['process.funding']).toMatchObject({
      name: 'funding',
      state: 'failed',
      error: { eventType: 'envelope.committed', streamId: `envelope-${NANCY_METZ_2023}` },
    });
    expect(health.body.details['process.funding'].error.message).toMatch(/ne connaît pas/);
    const stoppedAt = health.body.details['process.funding'].position;

    const dataDir = api.dataDir;
    await api.close(true);
    api = await startApi({}, dataDir);
    const again = await eventually(
      () => api!.health(),
      (r) => r.body.details?.['process.funding']?.state === 'failed',
    );
    expect(again.status).toBe(503);
    expect(again.body.details['process.funding']).toMatchObject({ position: stoppedAt, error: { eventType: 'envelope.committed' } });
  });
});
