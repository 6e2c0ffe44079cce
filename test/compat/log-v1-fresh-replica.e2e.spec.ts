import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, FakeClock, startApi } from '../support/api-harness.js';

// v1 defect (test/fixtures/log-v1/README.md): a replica started on an existing log with empty process state files replayed
// the funding process from position 0 and recovered the whole payment of the closed project, as if it had been abandoned.
const FIXTURE = join(process.cwd(), 'test/fixtures/log-v1');
const scenario = JSON.parse(readFileSync(join(FIXTURE, 'scenario.json'), 'utf8')) as { clock: string; headPosition: string };

describe('a new replica on the v1 log, with no process state yet', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'refonda-log-v1-fresh-'));
    copyFileSync(join(FIXTURE, 'events.sqlite'), join(dataDir, 'events.sqlite'));
    api = await startApi({}, dataDir, new FakeClock(new Date(scenario.clock)));
  });
  afterAll(async () => {
    await api.close();
  });

  it('replays the funding process and the deadlines from position 0 and writes nothing: no money moves twice', async () => {
    for (let i = 0; i < 500; i++) {
      const health = (await api.request('GET', '/health')).body;
      if (Object.values(health.details).every((p: any) => p.lag === undefined || p.lag === 0)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const health = (await api.health()).body;
    expect(health.details['process.funding']).toMatchObject({ state: 'running', lag: 0 });
    const store = api.app.get(EVENT_STORE) as EventStore;
    // Nothing written but the harness's administrator habilitation (the directory's, after the v1 log).
    const after = await store.readAll({ fromPosition: BigInt(scenario.headPosition) + 1n });
    expect(after.map((e) => e.type)).toEqual(['access.granted']);
  });
});
