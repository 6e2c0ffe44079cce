import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { EVENT_STORE, type EventStore, type ReadAllOptions } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { DashboardFlow } from '../dashboard/dashboard-flow.js';

describe('GET /dashboard/funnel?asOf= answers from a cache of past funnels, never stale', () => {
  let api: ApiHarness;
  let flow: DashboardFlow;
  let replays: () => number;
  beforeAll(async () => {
    api = await startApi({ FUNNEL_AS_OF_CACHE_SIZE: '3' });
    flow = await DashboardFlow.start(api);
    // A replay of the log reads it from position 1 (funnelAsOf); nothing else reads $all from there while serving.
    const store = api.app.get<EventStore>(EVENT_STORE);
    const readAll = jest.spyOn(store, 'readAll');
    replays = () => readAll.mock.calls.filter(([options]) => (options as ReadAllOptions | undefined)?.fromPosition === 1n).length;
  });
  afterAll(async () => {
    await api.close();
  });
  const funnelAt = async (asOf: string) => {
    const res = await api.request('GET', `/dashboard/funnel?asOf=${encodeURIComponent(asOf)}`, { token: flow.validator });
    expect(res.status).toBe(200);
    return res.body as { position: string; asOf: string; programs: Record<string, { intentions: number }> };
  };

  it('replays the log once for a past position asked twice, and answers the same after new events', async () => {
    const first = await flow.declare('education', 'Premier');
    await flow.declare('education', 'Deuxième');
    const before = replays();
    const past = await funnelAt(first.position);
    expect(past.programs.education!.intentions).toBe(1);
    expect(replays()).toBe(before + 1);
    expect(await funnelAt(first.position)).toEqual(past);
    expect(replays()).toBe(before + 1);
    await flow.declare('education', 'Troisième');
    expect(await funnelAt(first.position)).toEqual(past);
    expect(replays()).toBe(before + 1);
  });

  it('serves "now" (an asOf past the head) again only while nothing was appended', async () => {
    const future = '2999-01-01T00:00:00Z';
    const now = await funnelAt(future);
    const before = replays();
    expect(await funnelAt(future)).toEqual(now);
    expect(replays()).toBe(before);
    // Health intentions count projects (the flow's education projects share one school).
    const declared = await flow.declare('health', 'Après coup');
    const after = await funnelAt(future);
    expect(replays()).toBe(before + 1);
    expect(after.position).toBe(declared.position);
    expect(after.programs.health!.intentions).toBe(now.programs.health!.intentions + 1);
  });

  it('replays once for simultaneous identical calls', async () => {
    await flow.declare('health', 'Simultané');
    const before = replays();
    const answers = await Promise.all(Array.from({ length: 8 }, () => funnelAt('999999')));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(replays()).toBe(before + 1);
  });

  it('keeps FUNNEL_AS_OF_CACHE_SIZE answers, the least recently used out first', async () => {
    for (const p of ['1', '2', '3']) await funnelAt(p);
    await funnelAt('1');
    const before = replays();
    await funnelAt('4'); // evicts '2', the least recently used
    await funnelAt('1');
    await funnelAt('3');
    expect(replays()).toBe(before + 1);
    await funnelAt('2');
    expect(replays()).toBe(before + 2);
  });
});
