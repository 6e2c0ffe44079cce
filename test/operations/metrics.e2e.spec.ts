import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { actors, declare, run } from '../lifecycle/lifecycle-flow.js';

const METRICS_TOKEN = 'scraper-token-for-the-prometheus-of-the-ministry';
let api: ApiHarness;
let a: Awaited<ReturnType<typeof actors>>;

beforeAll(async () => {
  api = await startApi({ METRICS_TOKEN });
  a = await actors(api);
});
afterAll(() => api.close());

const scrape = async (token = METRICS_TOKEN) => {
  const res = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};
/** The value of one sample line (0 when the series does not exist yet). */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};
const DECLARED = 'refonda_commands_total{command="project.declare_intention",outcome="ok"}';

describe('GET /metrics (Prometheus)', () => {
  it('is for the scraper token or an admin: 401 without a token or with a wrong one, 403 for another role', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer not-the-scraper-token' } });
    expect(wrong.status).toBe(401);
    // As many characters as the token, more bytes: refused, not a 500.
    const accented = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${'é'.repeat(METRICS_TOKEN.length)}` } });
    expect(accented.status).toBe(401);
    expect(((await wrong.json()) as { code: string }).code).toBe('AUTH_INVALID');
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${a.holder}` } })).status).toBe(403);
    expect(await scrape(a.admin)).toContain('process_cpu_user_seconds_total');
  });

  it('counts commands by type and outcome with their latency, appends and group commits', async () => {
    const before = await scrape();
    await declare(api, a.holder, 'education');
    await declare(api, a.holder, 'health');
    const refused = await api.request('POST', '/projects', { token: a.holder, body: { program: 'education' } });
    expect(refused.status).toBe(400);
    const after = await scrape();
    expect(sample(after, DECLARED) - sample(before, DECLARED)).toBe(2);
    const latency = 'refonda_command_duration_seconds_count{command="project.declare_intention",outcome="ok"}';
    expect(sample(after, latency) - sample(before, latency)).toBe(2);
    expect(sample(after, 'refonda_append_duration_seconds_count')).toBeGreaterThanOrEqual(
      sample(before, 'refonda_append_duration_seconds_count') + 2,
    );
    expect(sample(after, 'refonda_group_commit_appends_count')).toBeGreaterThan(sample(before, 'refonda_group_commit_appends_count'));
  });

  it('counts a command the domain refuses under its problem category', async () => {
    const id = await declare(api, a.holder, 'education');
    const before = await scrape();
    const res = await run(api, a.holder, id, 'validate', { reason: 'Un porteur ne valide pas son projet' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const after = await scrape();
    const refusedSeries = after.split('\n').filter((l) => l.startsWith('refonda_commands_total{command="project.validate"'));
    expect(refusedSeries.length).toBeGreaterThan(0);
    expect(refusedSeries.some((l) => !l.includes('outcome="ok"'))).toBe(true);
    expect(before).not.toContain('refonda_commands_total{command="project.validate"');
  });

  it('shows each projection and process lag, and the SSE clients connected', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${api.url}/dashboard/stream`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    const text = await scrape();
    expect(sample(text, 'refonda_sse_clients')).toBe(1);
    for (const consumer of ['projection.projects', 'projection.funnel', 'process.funding', 'process.deadlines']) {
      expect(text).toMatch(new RegExp(`^refonda_consumer_lag_events\\{consumer="${consumer.replace('.', '\\.')}"\\} \\d+$`, 'm'));
      expect(sample(text, `refonda_consumer_failed{consumer="${consumer}"}`)).toBe(0);
    }
    controller.abort();
  });
});
