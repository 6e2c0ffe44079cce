import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { connectSse } from '../dashboard/sse-client.js';
import { listenForRefusals, type RefusalKind } from '../../apps/api/src/http/limits/refusals.js';

const get = (api: ApiHarness, path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers });
const statuses = async (count: number, send: () => Promise<Response>) => {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await send();
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
};
const head = async (api: ApiHarness) => (await (api.app.get(EVENT_STORE) as EventStore).headPosition()).toString();

describe('rate limits: anonymous by address, per token subject, writes, anonymous asOf', () => {
  let api: ApiHarness;
  let holder: string;
  const refusals: RefusalKind[] = [];
  beforeAll(async () => {
    api = await startApi({
      RATE_LIMIT_ANONYMOUS_MAX: '4',
      RATE_LIMIT_TOKEN_MAX: '8',
      RATE_LIMIT_WRITE_MAX: '2',
      RATE_LIMIT_AS_OF_ANONYMOUS_MAX: '2',
      TRUST_PROXY: '127.0.0.1',
    });
    holder = await api.token({ role: 'holder', sub: 'holder-flood' });
    listenForRefusals(api.app.getHttpAdapter().getInstance(), (kind) => refusals.push(kind));
  });
  afterAll(async () => {
    await api.close();
  });
  // Each test is its own client address (X-Forwarded-For, trusted from 127.0.0.1): its own anonymous window.
  const from = (address: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...headers });

  it('answers the request past the anonymous limit with a 429 problem (RATE_LIMITED, French detail, Retry-After in seconds)', async () => {
    expect(await statuses(4, () => get(api, '/dashboard/funnel', from('203.0.113.1')))).toEqual([200, 200, 200, 200]);
    const refused = await get(api, '/dashboard/funnel', from('203.0.113.1'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(await refused.json()).toMatchObject({
      type: 'urn:refonda:problem:rate-limited',
      title: 'Trop de requêtes',
      status: 429,
      code: 'RATE_LIMITED',
      limit: 'anonymous',
      max: 4,
      windowSeconds: 60,
      retryAfterSeconds: retryAfter,
      detail: expect.stringContaining('sans jeton depuis cette adresse'),
    });
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(refusals).toContain('anonymous');
    // Another address is another window.
    expect((await get(api, '/dashboard/funnel', from('203.0.113.2'))).status).toBe(200);
  });

  it('counts a valid token by its subject, with the higher token limit, wherever it comes from; an invalid one is anonymous', async () => {
    const reader = await api.token({ role: 'auditor', sub: 'auditor-many-screens' });
    const auth = (address: string) => from(address, { authorization: `Bearer ${reader}` });
    const answers = [...(await statuses(4, () => get(api, '/dashboard/funnel', auth('198.51.100.1'))))];
    answers.push(...(await statuses(5, () => get(api, '/dashboard/funnel', auth('198.51.100.2')))));
    expect(answers).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    // The route's guard answers 401 to the invalid token; the limit counted it as anonymous all the same.
    const forged = from('198.51.100.3', { authorization: 'Bearer not-a-token' });
    expect(await statuses(5, () => get(api, '/dashboard/funnel', forged))).toEqual([401, 401, 401, 401, 429]);
  });

  it('refuses writes past the write limit before reading the body: the refused POST /projects writes nothing', async () => {
    const post = () => api.request('POST', '/projects', { token: holder, body: educationIntention(), headers: from('192.0.2.10') });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const before = await head(api);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', limit: 'write', max: 2, detail: expect.stringContaining('écritures') });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await head(api)).toBe(before);
    expect(refusals).toContain('write');
  });

  it('limits anonymous ?asOf= reads (a replay each) tighter, and not a token holder’s', async () => {
    const asOf = (n: number, headers: Record<string, string>) => get(api, `/dashboard/funnel?asOf=${n}`, headers);
    const anonymous = from('192.0.2.20');
    expect([(await asOf(1, anonymous)).status, (await asOf(2, anonymous)).status]).toEqual([200, 200]);
    const refused = await asOf(3, anonymous);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED', limit: 'as-of', max: 2 });
    // The same address still reads the live funnel; a token reads the past.
    expect((await get(api, '/dashboard/funnel', anonymous)).status).toBe(200);
    const auditor = await api.token({ role: 'auditor', sub: 'auditor-as-of' });
    const withToken = from('192.0.2.20', { authorization: `Bearer ${auditor}` });
    expect(await statuses(3, () => asOf(4, withToken))).toEqual([200, 200, 200]);
  });

  it('never limits the operators’ probes: /health and /metrics', async () => {
    const probe = from('192.0.2.30');
    await statuses(4, () => get(api, '/dashboard/funnel', probe));
    expect((await get(api, '/dashboard/funnel', probe)).status).toBe(429);
    expect(await statuses(10, () => get(api, '/health', probe))).toEqual(Array(10).fill(200));
    // No /metrics route yet (404), but never a 429.
    expect((await get(api, '/metrics', probe)).status).not.toBe(429);
  });

  it('counts the dashboard stream once per connection, not once per snapshot it sends', async () => {
    const screen = from('192.0.2.40');
    const sse = connectSse(`${api.url}/dashboard/stream`, screen);
    expect(await sse.status).toBe(200);
    await sse.next(() => true);
    // Three holders (a write limit each), each for their own school: a holder acts for the organisations they belong to.
    for (const [i, uai] of ['0550002D', '0550003E', '0550004F'].entries()) {
      const writer = await api.token({ role: 'holder', sub: `holder-stream-${i}` });
      const intention = { ...educationIntention(`Flux ${i}`), holder: { organisationId: uai, name: `École ${uai}` } };
      const { status, body } = await api.request('POST', '/projects', { token: writer, body: intention });
      expect(status).toBe(201);
      await sse.next((m) => BigInt(m.id!) >= BigInt(body.position), 3000);
    }
    expect(sse.messages.length).toBeGreaterThanOrEqual(4);
    expect(await statuses(4, () => get(api, '/dashboard/funnel', screen))).toEqual([200, 200, 200, 429]);
    sse.close();
  });

  it('believes X-Forwarded-For only from TRUST_PROXY: without it, a forged header does not open a new window', async () => {
    const direct = await startApi({ RATE_LIMIT_ANONYMOUS_MAX: '2' });
    try {
      const forged = (i: number) => get(direct, '/dashboard/funnel', { 'x-forwarded-for': `203.0.113.${100 + i}` });
      expect([(await forged(1)).status, (await forged(2)).status, (await forged(3)).status]).toEqual([200, 200, 429]);
    } finally {
      await direct.close();
    }
  });
});

describe('RATE_LIMIT=off (load tests and benchmarks)', () => {
  it('turns every limit off', async () => {
    const api = await startApi({ RATE_LIMIT: 'off', RATE_LIMIT_ANONYMOUS_MAX: '1', RATE_LIMIT_AS_OF_ANONYMOUS_MAX: '1' });
    try {
      expect(await statuses(5, () => get(api, '/dashboard/funnel?asOf=1'))).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await api.close();
    }
  });
});
