import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { open, type RawResponse, responsesIn } from './raw-connection.js';

/** Headers that belong to one response or connection, not to the security policy. */
const PER_RESPONSE = new Set(['connection', 'keep-alive', 'date', 'content-length', 'retry-after']);

/** The headers a Fastify problem answer carries (helmet's and the content type), by lower-case name. */
async function policyHeaders(api: ApiHarness): Promise<Record<string, string>> {
  const res = await fetch(`${api.url}/no-such-route`);
  await res.arrayBuffer();
  return Object.fromEntries([...res.headers].filter(([name]) => !PER_RESPONSE.has(name)));
}

const policyOf = (res: RawResponse) => Object.fromEntries(Object.entries(res.headers).filter(([name]) => !PER_RESPONSE.has(name)));

async function rawAnswer(api: ApiHarness, request: string): Promise<RawResponse> {
  const conn = await open(api.url);
  conn.socket.write(request);
  const answers = responsesIn((await conn.closed).received);
  expect(answers).toHaveLength(1);
  return answers[0]!;
}

describe('answers written before Fastify has a request (Node parser errors): problem details with the security headers', () => {
  let api: ApiHarness;
  let expected: Record<string, string>;
  beforeAll(async () => {
    api = await startApi();
    expected = await policyHeaders(api);
    expect(expected['x-content-type-options']).toBe('nosniff');
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    ['bad framing', 400, 'INVALID_REQUEST', 'NOT HTTP AT ALL\r\n\r\n'],
    ['headers over 16 KiB', 431, 'HEADERS_TOO_LARGE', `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
  ])('%s: a %d problem with the headers of every other answer', async (_what, status, code, request) => {
    const answer = await rawAnswer(api, request);
    expect(answer.status).toBe(status);
    expect(answer.headers['connection']).toBe('close');
    expect(policyOf(answer)).toEqual(expected);
    expect(JSON.parse(answer.body)).toMatchObject({ status, code });
  });
});

describe('during shutdown', () => {
  it('finishes the request under way, and answers the next one on its connection with a 503 problem (SHUTTING_DOWN)', async () => {
    const api = await startApi();
    const expected = await policyHeaders(api);
    const token = await api.token({ role: 'holder', sub: 'holder-closing' });
    const conn = await open(api.url);
    const body = JSON.stringify(educationIntention('Pendant l’arrêt'));
    conn.socket.write(
      `POST /projects HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 200));
    const closing = api.close();
    while (api.app.getHttpServer().listening) await new Promise((r) => setTimeout(r, 10));
    conn.socket.write(`${body.slice(10)}GET /dashboard/funnel HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    const [created, refused, ...more] = responsesIn((await conn.closed).received);
    await closing;
    expect(created?.status).toBe(201);
    expect(more).toEqual([]);
    expect(refused?.status).toBe(503);
    expect(refused?.headers['retry-after']).toBe('5');
    expect(refused?.headers['connection']).toBe('close');
    expect(policyOf(refused!)).toEqual(expected);
    expect(JSON.parse(refused!.body)).toMatchObject({
      type: 'urn:refonda:problem:shutting-down',
      status: 503,
      code: 'SHUTTING_DOWN',
      retryAfterSeconds: 5,
      detail: expect.stringContaining('Le service s’arrête'),
    });
  });
});
