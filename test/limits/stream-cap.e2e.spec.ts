import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { connectSse, type SseConnection } from '../dashboard/sse-client.js';
import { DashboardStream } from '../../apps/api/src/dashboard/dashboard-stream.service.js';
import { listenForRefusals, type RefusalKind } from '../../apps/api/src/http/limits/refusals.js';

// Each test is its own client address (X-Forwarded-For, trusted from 127.0.0.1).
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('SSE_STREAMS_PER_CALLER_MAX: streams open at once per caller (token subject, else address)', () => {
  let api: ApiHarness;
  const refusals: RefusalKind[] = [];
  const open: SseConnection[] = [];
  beforeAll(async () => {
    api = await startApi({ SSE_STREAMS_PER_CALLER_MAX: '3', TRUST_PROXY: '127.0.0.1' });
    listenForRefusals(api.app.getHttpAdapter().getInstance(), (kind) => refusals.push(kind));
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await api.close();
  });
  const stream = async (headers: Record<string, string>, query = '') => {
    const sse = connectSse(`${api.url}/dashboard/stream${query}`, headers);
    open.push(sse);
    return { sse, status: await sse.status };
  };
  /** A stream request refused before it starts: its whole answer (a stream let through would never end). */
  const refused = async (headers: Record<string, string>, query = '') => {
    const res = await fetch(`${api.url}/dashboard/stream${query}`, { headers, signal: AbortSignal.timeout(5000) });
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  it('answers the stream past the cap with a 429 problem (TOO_MANY_STREAMS, Retry-After) before it starts', async () => {
    for (let i = 0; i < 3; i++) expect((await stream(from('203.0.113.1'))).status).toBe(200);
    const { res, body } = await refused(from('203.0.113.1'));
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(body).toMatchObject({
      type: 'urn:refonda:problem:too-many-streams',
      status: 429,
      code: 'TOO_MANY_STREAMS',
      limit: 'streams',
      max: 3,
      retryAfterSeconds: 30,
      detail: expect.stringContaining('au plus 3 ouverts à la fois depuis cette adresse'),
    });
    expect(refusals).toEqual(['stream-cap']);
    // Only streams are capped; another address has its own streams.
    expect((await fetch(`${api.url}/dashboard/funnel`, { headers: from('203.0.113.1') })).status).toBe(200);
    expect((await stream(from('203.0.113.2'))).status).toBe(200);
  });

  it('gives a closed stream’s slot back, and one only', async () => {
    const address = from('203.0.113.10');
    const streams = [await stream(address), await stream(address), await stream(address)];
    expect((await refused(address)).res.status).toBe(429);
    const clients = api.app.get(DashboardStream);
    const before = clients.size;
    streams[0]!.sse.close();
    while (clients.size === before) await new Promise((r) => setTimeout(r, 10));
    expect((await stream(address)).status).toBe(200);
    expect((await refused(address)).res.status).toBe(429);
  });

  it('counts a token’s streams by its subject wherever they come from (access_token, as EventSource sends it)', async () => {
    const token = await api.token({ role: 'auditor', sub: 'auditor-wall' });
    const withToken = `?access_token=${token}`;
    for (let i = 0; i < 3; i++) expect((await stream(from(`198.51.100.${i + 1}`), withToken)).status).toBe(200);
    const { res, body } = await refused(from('198.51.100.9'), withToken);
    expect(res.status).toBe(429);
    expect(body.detail).toContain('avec ce jeton');
    expect((await stream(from('198.51.100.9'))).status).toBe(200);
  });
});

describe('RATE_LIMIT=off', () => {
  it('turns the stream cap off too (load tests and benchmarks open many streams from one address)', async () => {
    const api = await startApi({ RATE_LIMIT: 'off', SSE_STREAMS_PER_CALLER_MAX: '1' });
    const streams = [connectSse(`${api.url}/dashboard/stream`), connectSse(`${api.url}/dashboard/stream`)];
    try {
      expect(await Promise.all(streams.map((s) => s.status))).toEqual([200, 200]);
    } finally {
      for (const s of streams) s.close();
      await api.close();
    }
  });
});
