import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
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
