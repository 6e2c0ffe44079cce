import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { DASHBOARD_PAGE_CSP } from '../../apps/api/src/dashboard/dashboard-page.controller.js';

/** The directives of a Content-Security-Policy header, by name. */
const directivesOf = (csp: string | null) =>
  Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );

function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(directivesOf(res.headers.get('content-security-policy'))['frame-ancestors']).toEqual(["'none'"]);
  expect(res.headers.get('x-powered-by')).toBeNull();
}

describe('security headers on every response (@fastify/helmet)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_AS_OF_ANONYMOUS_MAX: '1' });
  });
  afterAll(async () => {
    await api.close();
  });
  // Bodies read to the end: a large unread one would hold its connection, and the app's close, open.
  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${api.url}${path}`, init);
    await res.arrayBuffer();
    return res;
  };

  it('the dashboard page keeps its own strict policy, which wins over the API-wide one', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers.get('content-security-policy')).toBe(DASHBOARD_PAGE_CSP);
    const page = directivesOf(DASHBOARD_PAGE_CSP);
    expect(page['script-src']).toEqual(["'self'"]);
    expect(page['style-src']).toEqual(["'self'"]);
    expect(DASHBOARD_PAGE_CSP).not.toContain('unsafe');
  });

  it('Swagger UI (/api/docs) gets a policy it works with: its own scripts only, inline styles allowed', async () => {
    for (const path of ['/api/docs', '/api/docs/swagger-ui-init.js']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expectSecurityHeaders(res);
      const csp = directivesOf(res.headers.get('content-security-policy'));
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
    }
  });

  it('the dashboard stream (hijacked by its controller) carries them too', async () => {
    const stop = new AbortController();
    const res = await fetch(`${api.url}/dashboard/stream`, { signal: stop.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expectSecurityHeaders(res);
    stop.abort();
  });

  it('JSON routes, errors and refusals: nothing to load (default-src none), never framed', async () => {
    await get('/dashboard/funnel?asOf=1');
    const answers = [
      [await get('/dashboard/funnel'), 200],
      [await get('/api/docs-json'), 200],
      [await get('/no-such-route'), 404],
      [await get('/projects'), 401],
      [await get('/projects', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }), 401],
      [await get('/dashboard/funnel?within=region:44&within=region:32'), 400],
      [await get('/dashboard/funnel?asOf=2'), 429],
      [await get('/health'), 200],
    ] as const;
    for (const [res, status] of answers) {
      expect(res.status).toBe(status);
      expectSecurityHeaders(res);
      expect(directivesOf(res.headers.get('content-security-policy'))['default-src']).toEqual(["'none'"]);
    }
  });
});
