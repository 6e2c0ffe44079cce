import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { connectSse } from '../dashboard/sse-client.js';
import { drip, open } from './raw-connection.js';

describe('request and connection timeouts, the connection cap', () => {
  let api: ApiHarness;
  let token: string;
  beforeAll(async () => {
    api = await startApi({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '1000' });
    token = await api.token({ role: 'holder', sub: 'holder-slow' });
  });
  afterAll(async () => {
    await api.close();
  });
  const head = async () => (await (api.app.get(EVENT_STORE) as EventStore).headPosition()).toString();

  it('cuts off a POST body sent one byte at a time within REQUEST_TIMEOUT_MS (a 408 problem, then closed); it writes nothing', async () => {
    const before = await head();
    const body = JSON.stringify(educationIntention('Envoyé goutte à goutte'));
    const conn = await open(api.url);
    conn.socket.write(
      `POST /projects HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    const timer = drip(conn.socket, body, 100);
    const { received, afterMs } = await conn.closed;
    clearInterval(timer);
    expect(afterMs).toBeGreaterThanOrEqual(900);
    expect(afterMs).toBeLessThan(2500);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(received).toContain('application/problem+json');
    expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT' });
    expect(await head()).toBe(before);
  });

  it('keeps a Server-Sent Events stream open well past the request timeout: it bounds receiving the request only', async () => {
    const sse = connectSse(`${api.url}/dashboard/stream`);
    expect(await sse.status).toBe(200);
    await sse.next(() => true);
    await new Promise((r) => setTimeout(r, 3000));
    const { body } = await api.request('POST', '/projects', { token, body: educationIntention('Après le délai') });
    const later = await sse.next((m) => BigInt(m.id!) >= BigInt(body.position), 3000);
    expect(later.event).toBe('snapshot');
    expect(sse.request.destroyed).toBe(false);
    sse.close();
  }, 15_000);
});

describe('HEADERS_TIMEOUT_MS, shorter than REQUEST_TIMEOUT_MS', () => {
  // Node's own headers timeout is min(60 s, requestTimeout): with both equal, a test could not tell them apart.
  it('cuts off headers that never end within HEADERS_TIMEOUT_MS (a 408 problem, then closed)', async () => {
    const api = await startApi({ REQUEST_TIMEOUT_MS: '10000', HEADERS_TIMEOUT_MS: '1000' });
    try {
      const conn = await open(api.url);
      const timer = drip(conn.socket, `GET /dashboard/funnel HTTP/1.1\r\nHost: localhost\r\n${'X-Slow: y\r\n'.repeat(100)}`, 50);
      const { received, afterMs } = await conn.closed;
      clearInterval(timer);
      expect(afterMs).toBeGreaterThanOrEqual(900);
      expect(afterMs).toBeLessThan(2500);
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
      expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT' });
    } finally {
      await api.close();
    }
  });
});

describe('CONNECTION_IDLE_TIMEOUT_MS and MAX_CONNECTIONS', () => {
  it('closes a connection on which nothing moves, however long the request timeouts', async () => {
    const api = await startApi({ CONNECTION_IDLE_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '60000', HEADERS_TIMEOUT_MS: '60000' });
    try {
      const conn = await open(api.url);
      conn.socket.write('GET /dashboard/funnel HTTP/1.1\r\nHost: localhost\r\n');
      const { afterMs } = await conn.closed;
      expect(afterMs).toBeGreaterThanOrEqual(400);
      expect(afterMs).toBeLessThan(2000);
    } finally {
      await api.close();
    }
  });

  it('serves MAX_CONNECTIONS connections at once and closes the ones past it unanswered', async () => {
    const api = await startApi({ MAX_CONNECTIONS: '3' });
    try {
      const streams = [connectSse(`${api.url}/dashboard/stream`), connectSse(`${api.url}/dashboard/stream`)];
      const held = await open(api.url);
      for (const s of streams) expect(await s.status).toBe(200);
      const over = await open(api.url);
      over.socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
      expect((await over.closed).received).toBe('');
      held.socket.destroy();
      await held.closed;
      await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
      for (const s of streams) s.close();
    } finally {
      await api.close();
    }
  });
});
