import { describe, expect, it } from '@jest/globals';
import type { FunnelAsOf } from '#audit';
import { FunnelAsOfCache } from './funnel-as-of.cache.js';

const funnel = (position: string, settled: boolean): FunnelAsOf => ({
  asOf: position,
  position,
  programs: {},
  schoolLevels: [],
  statuses: [],
  total: 0,
  settled,
});

describe('FunnelAsOfCache', () => {
  it('serves a settled answer whatever the head; an open one only at the head it was folded from', async () => {
    const cache = new FunnelAsOfCache(10);
    let folds = 0;
    const fold = (settled: boolean) => async () => (folds++, funnel('5', settled));
    await cache.answer('past', 9n, fold(true));
    await cache.answer('past', 12n, fold(true));
    expect(folds).toBe(1);
    await cache.answer('now', 9n, fold(false));
    await cache.answer('now', 9n, fold(false));
    expect(folds).toBe(2);
    await cache.answer('now', 10n, fold(false));
    expect(folds).toBe(3);
  });

  it('shares a fold under way, and forgets a failed one', async () => {
    const cache = new FunnelAsOfCache(10);
    let folds = 0;
    const failing = async (): Promise<FunnelAsOf> => {
      folds++;
      throw new Error('store unavailable');
    };
    const calls = [cache.answer('k', 1n, failing), cache.answer('k', 1n, failing)];
    for (const c of calls) await expect(c).rejects.toThrow('store unavailable');
    expect(folds).toBe(1);
    expect(cache.size).toBe(0);
    expect(await cache.answer('k', 1n, async () => funnel('1', true))).toMatchObject({ position: '1' });
  });

  it('holds at most its capacity', async () => {
    const cache = new FunnelAsOfCache(2);
    for (const k of ['a', 'b', 'c', 'd']) await cache.answer(k, 1n, async () => funnel(k, true));
    expect(cache.size).toBe(2);
  });
});
