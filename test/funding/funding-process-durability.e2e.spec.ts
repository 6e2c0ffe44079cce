import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { FundingProcessRunner } from '#processes';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import {
  NANCY_METZ_2023,
  actors,
  eventually,
  fundingOf,
  openNancyMetz,
  store,
  transition,
  validatedEducationProject,
} from './funding-flow.js';

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
    let a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    const id = await validatedEducationProject(api, a, 2_000_000, 1_800_000, 'Festival de théâtre lycéen à Verdun');
    await eventually(
      () => fundingOf(api!, a.holder, id),
      (r) => r.body.payments?.length === 1,
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

    a = await actors(api);
    await transition(api, a.holder, id, 'submit_final_report', {
      report: { summary: 'Trois représentations', spentAmountCents: 1_800_000 },
    });
    const funding = await eventually(
      () => fundingOf(api!, a.holder, id),
      (r) => r.body.projectStatus === 'closed',
    );
    expect(funding.body.commitment).toMatchObject({ committedCents: 1_800_000, paidCents: 1_800_000, releasedCents: 0 });
    const types = (await store(api).readStream(`envelope-${NANCY_METZ_2023}`)).map((e) => e.type);
    expect(types.filter((t) => t === 'envelope.committed')).toHaveLength(1);
    expect(types.filter((t) => t === 'envelope.paid')).toHaveLength(2);
  });

  it('a broken envelope stream stops the process: /health 503 (error shown to an admin), also after a restart', async () => {
    api = await startApi();
    const a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    // An event no decider wrote: an amount that is not a number of cents.
    await store(api).appendToStream(
      `envelope-${NANCY_METZ_2023}`,
      [
        {
          id: randomUUID(),
          type: 'envelope.committed',
          data: {
            requestId: 'corrupt',
            fingerprint: 'x',
            year: 2023,
            commitmentRef: 'EJ-CORRUPT',
            projectId: 'p',
            amountCents: 'douze mille',
            splitKey: null,
            reason: null,
          },
        },
      ],
      { expectedRevision: 'stream_exists' },
    );
    const id = await validatedEducationProject(api, a, 1_000_000, 1_000_000, 'Projet sur une enveloppe corrompue');
    const health = await eventually(
      () => api!.health(),
      (r) => r.body.details?.['process.funding']?.state === 'failed',
    );
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('error');
    expect(health.body.details['process.funding']).toMatchObject({
      name: 'funding',
      state: 'failed',
      error: { eventType: 'project.validated', streamId: `project-${id}` },
    });
    expect(health.body.details['process.funding'].error.message).toMatch(/centimes/);
    const stoppedAt = health.body.details['process.funding'].position;
    expect(Number(health.body.details['process.funding'].lag)).toBeGreaterThan(0);

    // Later events are not handled: the process stays where it stopped.
    await transition(api, a.holder, id, 'withdraw', { reason: 'Abandon' });
    expect((await api.health()).body.details['process.funding'].position).toBe(stoppedAt);
    expect((await fundingOf(api, a.holder, id)).body.funding.status).toBe('not_funded');

    const dataDir = api.dataDir;
    await api.close(true);
    api = await startApi({}, dataDir);
    const again = await eventually(
      () => api!.health(),
      (r) => r.body.details?.['process.funding']?.state === 'failed',
    );
    expect(again.status).toBe(503);
    expect(again.body.details['process.funding']).toMatchObject({ position: stoppedAt, error: { streamId: `project-${id}` } });
  });
});
