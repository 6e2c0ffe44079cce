import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';

/** Sends headers and a first chunk only, then waits for the answer: a server that reads the whole body never answers. */
function sendHeadOnly(url: string, path: string, headers: Record<string, string>, firstChunk: string) {
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    req.write(firstChunk);
    setTimeout(() => req.destroy(new Error('no answer within 3 s: the server waited for the body')), 3000).unref();
  });
}

describe('HTTP input limits and the one error shape (RFC 9457 problem details)', () => {
  let api: ApiHarness;
  let holder: string;
  beforeAll(async () => {
    api = await startApi();
    holder = await api.token({ role: 'holder', sub: 'holder-limits' });
  });
  afterAll(async () => {
    await api.close();
  });
  const head = async () => (await (api.app.get(EVENT_STORE) as EventStore).headPosition()).toString();

  it('refuses a 256 MB body from its Content-Length, anonymous, before reading it or authenticating', async () => {
    const res = await sendHeadOnly(
      api.url,
      '/envelopes',
      { 'content-type': 'application/json', 'content-length': String(256 * 1024 * 1024) },
      '{"fund": "',
    );
    expect(res.status).toBe(413);
    expect(res.contentType).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', title: 'Requête trop volumineuse' });
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) });
    const res = await fetch(`${api.url}/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${holder}` },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('refuses a deeply nested body with a 400 naming the body and the rule, and writes nothing', async () => {
    const before = await head();
    const body = `{"title": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const res = await fetch(`${api.url}/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${holder}` },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'BODY_TOO_DEEP', errors: [{ field: 'body', rule: 'max-depth-32' }] });
    expect(await head()).toBe(before);
  });

  it('refuses a repeated query parameter with a 400 naming it (asOf=1&asOf=2)', async () => {
    const res = await api.request('GET', '/dashboard/funnel?asOf=1&asOf=2');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'QUERY_PARAMETER_REPEATED', errors: [{ field: 'asOf', rule: 'single-value' }] });
    expect(res.body.detail).toContain('plusieurs fois');
  });

  it('answers every error as application/problem+json with type, title, status, French detail and a stable code', async () => {
    const cases = [
      [await fetch(`${api.url}/projects`), 401, 'AUTH_REQUIRED'],
      [await fetch(`${api.url}/no-such-route`), 404, 'NOT_FOUND'],
      [
        await fetch(`${api.url}/projects`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${holder}` },
          body: '{"a":',
        }),
        400,
        'INVALID_JSON',
      ],
      [
        await fetch(`${api.url}/projects`, {
          method: 'POST',
          headers: { authorization: `Bearer ${holder}`, 'content-type': 'application/json' },
          body: '{"title": 3}',
        }),
        400,
        'VALIDATION_FAILED',
      ],
    ] as const;
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ status, code, type: `urn:refonda:problem:${code.toLowerCase().replaceAll('_', '-')}` });
      expect(typeof body.title).toBe('string');
      expect(body.detail).toMatch(/[éèàôû’]|requête|champ|jeton|ressource/i);
      expect(body).not.toHaveProperty('statusCode');
      expect(body).not.toHaveProperty('message');
    }
  });

  it('a project id that is not a UUID is a 400 naming the field and the rule', async () => {
    const res = await api.request('GET', '/projects/not-a-uuid', { token: holder });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_ID', errors: [{ field: 'id', rule: 'uuid' }] });
  });

  it('lists every field at fault as { field, rule } with French details', async () => {
    const res = await api.request('POST', '/projects', { token: holder, body: { program: 'sport', title: 3, extra: true } });
    expect(res.status).toBe(400);
    const errors = res.body.errors as { field: string; rule: string; detail: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'program', rule: 'isIn', detail: 'n’est pas l’une des valeurs autorisées' }),
        expect.objectContaining({ field: 'title', rule: 'isString' }),
        expect.objectContaining({ field: 'extra', rule: 'whitelistValidation', detail: 'champ inconnu' }),
      ]),
    );
  });
});
