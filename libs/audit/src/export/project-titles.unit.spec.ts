import { describe, expect, it } from '@jest/globals';
import { ProjectTitleCache } from './project-titles.js';

describe('the ledger’s project titles: one lookup per page for what is missing, in a bounded cache', () => {
  it('asks only for the ids it has not got, remembers unknown ones, and keeps at most `capacity` (least recently used out)', async () => {
    const asked: string[][] = [];
    const cache = new ProjectTitleCache((ids) => {
      asked.push([...ids]);
      return new Map(ids.filter((id) => id !== 'unknown').map((id) => [id, `Titre ${id}`]));
    }, 3);
    await cache.load(['a', 'b', 'a', 'unknown']);
    expect([cache.titleOf('a'), cache.titleOf('b'), cache.titleOf('unknown')]).toEqual(['Titre a', 'Titre b', null]);
    await cache.load(['a', 'b', 'unknown']);
    expect(asked).toEqual([['a', 'b', 'unknown']]);
    cache.titleOf('a'); // a is now the most recently used: b goes first
    await cache.load(['c']);
    expect(cache.size).toBe(3);
    await cache.load(['b', 'a']);
    expect(asked).toEqual([['a', 'b', 'unknown'], ['c'], ['b']]);
  });

  it('without a read model, no title and no lookup', async () => {
    const cache = new ProjectTitleCache(undefined);
    await cache.load(['a']);
    expect([cache.titleOf('a'), cache.size]).toEqual([null, 0]);
  });
});
