import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { get } from 'node:http';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { DashboardStream } from '../../apps/api/src/dashboard/dashboard-stream.service.js';
import { DashboardFlow } from './dashboard-flow.js';
import { connectSse } from './sse-client.js';

const snapshotOf = (data: string) => JSON.parse(data) as { position: string; funnel: Record<string, Record<string, number>> };

describe('GET /dashboard/stream (Server-Sent Events)', () => {
  let api: ApiHarness;
  let flow: DashboardFlow;
  beforeAll(async () => {
    api = await startApi();
    flow = await DashboardFlow.start(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('sends a snapshot at once, then one per change, each with id = the global log position', async () => {
    const sse = connectSse(`${api.url}/dashboard/stream`);
    expect(await sse.status).toBe(200);
    const first = await sse.next(() => true);
    expect(first.event).toBe('snapshot');
    expect(first.id).toBe(snapshotOf(first.data).position);
    // Health intentions count projects (education's count schools, and the flow's projects share one school).
    const { position } = await flow.declare('health', 'Suivi en direct');
    const after = await sse.next((m) => BigInt(m.id!) >= BigInt(position), 2000);
    expect(after.id).toBe(position);
    expect(snapshotOf(after.data).funnel.health!.intentions).toBe(snapshotOf(first.data).funnel.health!.intentions! + 1);
    sse.close();
  });

  it('a client reconnecting with Last-Event-ID misses nothing: below the current position it gets the snapshot at once', async () => {
    const sse = connectSse(`${api.url}/dashboard/stream`);
    const seen = await sse.next(() => true);
    sse.close();
    const missed = await flow.declare('health', 'Pendant la coupure');
    await api.request('GET', `/dashboard/funnel?minPosition=${missed.position}`);
    const again = connectSse(`${api.url}/dashboard/stream`, { 'last-event-id': seen.id! });
    const caughtUp = await again.next(() => true, 500);
    expect(caughtUp.id).toBe(missed.position);
    expect(snapshotOf(caughtUp.data).funnel.health!.intentions).toBe(snapshotOf(seen.data).funnel.health!.intentions! + 1);
    again.close();
    // Already up to date: nothing is resent until something changes.
    const current = connectSse(`${api.url}/dashboard/stream`, { 'last-event-id': missed.position });
    await new Promise((r) => setTimeout(r, 600));
    expect(current.messages).toEqual([]);
    current.close();
  });

  it('coalesces: a burst of 40 commands reaches a client as a few snapshots (at most ~4 a second), the last one complete', async () => {
    const sse = connectSse(`${api.url}/dashboard/stream`);
    const start = await sse.next(() => true);
    const t0 = performance.now();
    let last = '0';
    for (let i = 0; i < 40; i++) last = (await flow.declare('health', `Rafale ${i}`)).position;
    const final = await sse.next((m) => m.id === last, 2000);
    const elapsed = (final.at - t0) / 1000;
    const updates = sse.messages.length - 1;
    expect(updates).toBeLessThanOrEqual(Math.ceil(elapsed * 4) + 1);
    expect(updates).toBeLessThan(40);
    expect(snapshotOf(final.data).funnel.health!.intentions).toBe(snapshotOf(start.data).funnel.health!.intentions! + 40);
    sse.close();
  });

  it('a closed connection unsubscribes: no client, listener or handle left after 10,000 connect/disconnect cycles', async () => {
    const stream = api.app.get(DashboardStream);
    const server = api.app.getHttpServer();
    await new Promise((r) => setTimeout(r, 300));
    const baseline = { clients: stream.size, handles: process.getActiveResourcesInfo().length, listeners: server.listenerCount('request') };
    expect(baseline.clients).toBe(0);
    const url = new URL(`${api.url}/dashboard/stream`);
    const cycle = () =>
      new Promise<void>((resolve, reject) => {
        const req = get({ host: url.hostname, port: url.port, path: url.pathname, agent: false }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(e)));
      });
    let peak = 0;
    for (let done = 0; done < 10_000; done += 50) {
      await Promise.all(Array.from({ length: 50 }, cycle));
      peak = Math.max(peak, stream.size);
    }
    const deadline = Date.now() + 5000;
    while (stream.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stream.size).toBe(0);
    expect(peak).toBeLessThanOrEqual(50);
    expect(server.listenerCount('request')).toBe(baseline.listeners);
    await new Promise((r) => setTimeout(r, 200));
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(baseline.handles + 5);
    // Still serving.
    const sse = connectSse(`${api.url}/dashboard/stream`);
    await sse.next(() => true);
    sse.close();
  }, 120_000);
});
