import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiHarness, FakeClock, startApi } from '../api-harness.js';
import type { RecordedRead } from './capture.js';

// A log written by the code before the architecture redesign (test/fixtures/log-v1/README.md), with what that code answered on it.
export const LOG_V1 = join(process.cwd(), 'test/fixtures/log-v1');
type Scenario = { clock: string; headPosition: string; eventTypes: string[] };
export const logV1Scenario = JSON.parse(readFileSync(join(LOG_V1, 'scenario.json'), 'utf8')) as Scenario;
export const logV1Reads = JSON.parse(readFileSync(join(LOG_V1, 'reads.json'), 'utf8')) as RecordedRead[];

/** Waits until every projection and process has replayed the log. */
export async function caughtUp(api: ApiHarness) {
  for (let i = 0; i < 500; i++) {
    const health = (await api.request('GET', '/health')).body;
    const behind = Object.values(health.details).some((p: any) => p.lag !== undefined && p.lag !== 0);
    if (!behind) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('projections and processes did not catch up with the v1 log');
}

/** The current code serving a copy of the v1 log and of the processes' state files; the read models are rebuilt from the log. */
export async function serveLogV1Copy(): Promise<{ api: ApiHarness; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'refonda-log-v1-read-'));
  for (const file of ['events.sqlite', 'processes-main.sqlite', 'funding-process-main.sqlite']) {
    copyFileSync(join(LOG_V1, file), join(dataDir, file));
  }
  const api = await startApi({}, dataDir, new FakeClock(new Date(logV1Scenario.clock)));
  await caughtUp(api);
  return { api, dataDir };
}
