import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { connectSse, type SseConnection } from '../dashboard/sse-client.js';

async function countEvents(store: EventStore, type: string): Promise<number> {
  let count = 0;
  for (let from = 1n; ;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000 });
    count += page.filter((e) => e.type === type).length;
    if (page.length < 1000) return count;
    from = page.at(-1)!.position + 1n;
  }
}

/** `count` calls of `send`, `width` at a time; the statuses by number. */
async function flood(count: number, width: number, send: () => Promise<number>): Promise<Record<number, number>> {
  const tally: Record<number, number> = {};
  for (let done = 0; done < count; done += width) {
    for (const s of await Promise.all(Array.from({ length: Math.min(width, count - done) }, send))) tally[s] = (tally[s] ?? 0) + 1;
  }
  return tally;
}

describe('the default limits', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('stop one token creating 3,000 projects at once: 300 (RATE_LIMIT_WRITE_MAX) are written, 2,700 refused with 429', async () => {
    const token = await api.token({ role: 'holder', sub: 'holder-runaway-script' });
    const body = JSON.stringify(educationIntention('Projet en rafale'));
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const started = performance.now();
    const tally = await flood(3000, 100, async () => {
      const res = await fetch(`${api.url}/projects`, { method: 'POST', headers, body });
      await res.arrayBuffer();
      return res.status;
    });
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(tally).toEqual({ 201: 300, 429: 2700 });
    expect(await countEvents(api.app.get(EVENT_STORE), 'project.intention_declared')).toBe(300);
  }, 120_000);

  it('let a wall of 40 screens behind one address run the dashboard for a busy minute', async () => {
    // What apps/api/src/dashboard/public/dashboard.js asks for, per screen: the page, its 3 assets, the workflows and
    // the stream once; then GET /dashboard/territories on each snapshot, at most one per 250 ms tick: 240 a minute.
    // All from 127.0.0.1: one address, as behind the deploy proxy.
    const screens: SseConnection[] = [];
    const started = performance.now();
    const load = ['/', '/dashboard/assets/dashboard.css', '/dashboard/assets/chart.umd.js', '/dashboard/assets/dashboard.js'];
    const tally: Record<number, number> = {};
    const note = (status: number) => (tally[status] = (tally[status] ?? 0) + 1);
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        for (const path of [...load, '/dashboard/workflows']) {
          const res = await fetch(`${api.url}${path}`);
          await res.arrayBuffer();
          note(res.status);
        }
        const sse = connectSse(`${api.url}/dashboard/stream`);
        screens.push(sse);
        note(await sse.status);
        for (let i = 0; i < 240; i++) {
          const res = await fetch(`${api.url}/dashboard/territories?level=region`);
          await res.arrayBuffer();
          note(res.status);
        }
      }),
    );
    for (const s of screens) s.close();
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(tally).toEqual({ 200: 40 * (5 + 1 + 240) });
  }, 120_000);
});
