import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, FakeClock, startApi } from '../support/api-harness.js';
import { type RecordedRead, readAs } from '../support/log-v1/capture.js';

// A log written by the code before the architecture redesign (test/fixtures/log-v1/README.md), with what that code
// answered on it. The current code must read it back to the same states and read models, and verify its chains.
const FIXTURE = join(process.cwd(), 'test/fixtures/log-v1');
const scenario = JSON.parse(readFileSync(join(FIXTURE, 'scenario.json'), 'utf8')) as { clock: string; headPosition: string; eventTypes: string[] };
const recorded = JSON.parse(readFileSync(join(FIXTURE, 'reads.json'), 'utf8')) as RecordedRead[];
const run = promisify(execFile);

/**
 * The shapes changed on purpose since v1, mapped explicitly. Errors: v1 answered { statusCode, code, message, field, rule,
 * …facts }; now RFC 9457 problem details { type, title, status, detail (French), code, errors: [{ field, rule }], …facts }.
 */
function asProblemDetails(v1: RecordedRead): Record<string, unknown> {
  const { statusCode, message: _message, field, rule, errors: _errors, ...facts } = v1.body as Record<string, unknown>;
  return {
    status: v1.status,
    body: { status: statusCode, ...facts, ...(field === undefined ? {} : { errors: [expect.objectContaining({ field, rule })] }) },
  };
}

async function caughtUp(api: ApiHarness) {
  for (let i = 0; i < 500; i++) {
    const health = (await api.request('GET', '/health')).body;
    const behind = [...health.projections, ...Object.values(health.processes)].some((p: any) => p.lag !== 0);
    if (!behind) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('projections and processes did not catch up with the v1 log');
}

describe('a log written by Refonda v1 (every event type, every transition of both programs)', () => {
  let api: ApiHarness;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'refonda-log-v1-read-'));
    // The log and the processes' state files as v1 left them; the read models are rebuilt from the log.
    for (const file of ['events.sqlite', 'processes-main.sqlite', 'funding-process-main.sqlite']) copyFileSync(join(FIXTURE, file), join(dataDir, file));
    api = await startApi({}, dataDir, new FakeClock(new Date(scenario.clock)));
    await caughtUp(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('holds every v1 event type', async () => {
    const types = new Set((await (api.app.get(EVENT_STORE) as EventStore).readAll()).map((e) => e.type));
    expect([...types].sort()).toEqual(scenario.eventTypes);
    expect(scenario.eventTypes).toHaveLength(21);
  });

  it.each(recorded.map((r, i) => [i, r.as, r.path, r] as const))('read %i (%s) GET %s answers as v1 did', async (_i, as, path, expected) => {
    const read = await readAs(api, path, as);
    if (expected.status < 400) expect(read).toEqual(expected);
    else expect(read).toMatchObject(asProblemDetails(expected));
  });

  it('appends nothing while projections and processes replay it (no reaction runs twice)', async () => {
    expect((await (api.app.get(EVENT_STORE) as EventStore).headPosition()).toString()).toBe(scenario.headPosition);
  });

  it('passes audit verify: the hash chains cover the stored bytes', async () => {
    await api.close(true);
    const { stdout } = await run(process.execPath, ['dist/apps/cli/src/main.js', 'audit', 'verify'], { env: { ...process.env, DATA_DIR: dataDir } });
    expect(stdout).toContain(scenario.headPosition);
    api = await startApi({}, dataDir, new FakeClock(new Date(scenario.clock)));
  });
});
