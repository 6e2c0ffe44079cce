import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, FakeClock, startApi } from '../support/api-harness.js';
import { type RecordedRead, readAs } from '../support/log-v1/capture.js';
import { logV1Reads as recorded, logV1Scenario as scenario, serveLogV1Copy } from '../support/log-v1/serve-copy.js';

// A log written by the code before the architecture redesign (test/fixtures/log-v1/README.md), with what that code
// answered on it. The current code must read it back to the same states and read models, and verify its chains.
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

/** v1's names of the AE and CP figures (envelope balances, per year too, and the dashboard's envelope rows). */
const V1_CREDIT_FIGURES = new Set([
  'notified', 'reduced', 'received', 'transferredIn', 'transferredOut', 'allocated', 'committed', 'released', 'paid', 'recovered',
  'carriedIn', 'carriedOut', 'lapsed', 'available', 'credits', 'consumed',
]);

/**
 * Money renamed on purpose since v1 (one amount rule on the wire: an integer amount is named …Cents; fr-FR text for people
 * is `display`). Only names move; every value still compares exactly:
 * - envelope balances (GET /envelopes/:id, its ?asOf=, GET /envelopes; totals and years[]): ae.notified → ae.notifiedCents,
 *   and every AE and CP figure the same way (reduced, received, …, available); the fr-FR `display` block is unchanged;
 * - dashboard envelope rows (GET /dashboard/envelopes, /dashboard/summary): ae and cp credits, consumed, available → …Cents;
 * - funnel figures (GET /dashboard/funnel, /dashboard/territories, /dashboard/summary): granted_cents → grantedCents;
 * - GET /projects/:id/funding: payments[].amount and recoveries[].amount (fr-FR text) → display.
 */
function withCurrentMoneyNames(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => withCurrentMoneyNames(item, parentKey));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => {
    if ((key === 'ae' || key === 'cp') && parentKey !== 'display') {
      const renamed = (figure: string, v: unknown) => (V1_CREDIT_FIGURES.has(figure) && typeof v === 'number' ? `${figure}Cents` : figure);
      return [key, Object.fromEntries(Object.entries(child as Record<string, unknown>).map(([f, v]) => [renamed(f, v), v]))];
    }
    if (key === 'granted_cents') return ['grantedCents', child];
    if (key === 'amount' && (parentKey === 'payments' || parentKey === 'recoveries')) return ['display', child];
    return [key, withCurrentMoneyNames(child, key)];
  }));
}

describe('a log written by Refonda v1 (every event type, every transition of both programs)', () => {
  let api: ApiHarness;
  let dataDir: string;
  beforeAll(async () => {
    // The log and the processes' state files as v1 left them; the read models are rebuilt from the log.
    ({ api, dataDir } = await serveLogV1Copy());
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
    if (expected.status < 400) expect(read).toEqual({ ...expected, body: withCurrentMoneyNames(expected.body) });
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
