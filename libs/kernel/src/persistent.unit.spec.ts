import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PersistentList } from './persistent-list.js';
import { PersistentMap } from './persistent-map.js';

describe('PersistentMap', () => {
  it('answers as a Map built from the same writes, and leaves every earlier version as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 400 }), (writes) => {
        const model = new Map<string, number>();
        let map = PersistentMap.empty<number>();
        const versions: [PersistentMap<number>, Map<string, number>][] = [];
        for (const [key, value] of writes) {
          map = map.set(key, value);
          model.set(key, value);
          versions.push([map, new Map(model)]);
        }
        for (const [version, expected] of versions) {
          expect(version.size).toBe(expected.size);
          for (const [key, value] of expected) expect(version.get(key)).toBe(value);
          expect(new Map(version.entries())).toEqual(expected);
        }
        expect(map.get('never-written-key')).toBeUndefined();
      }),
    );
  });

  it('has one shape for one set of entries, whatever the order of the writes', () => {
    const orders = fc
      .uniqueArray(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('EJ-1', 'EJ-2', 'a', '')), { maxLength: 300 })
      .chain((ks) => fc.tuple(fc.constant(ks), fc.shuffledSubarray(ks, { minLength: ks.length, maxLength: ks.length })));
    fc.assert(
      fc.property(orders, ([ks, shuffled]) => {
        expect(PersistentMap.from(shuffled.map((k) => [k, k.length]))).toEqual(PersistentMap.from(ks.map((k) => [k, k.length])));
      }),
    );
  });

  it('copies a bounded part of itself per write: as few new nodes on a map of 20,000 entries as on one of 100', () => {
    // Every node and leaf reachable from a version (the trie's root is private: read here, in the test, only).
    const partsOf = (map: PersistentMap<number>) => {
      const parts = new Set<object>();
      const walk = (slot: unknown): void => {
        if (!slot || typeof slot !== 'object' || parts.has(slot)) return;
        parts.add(slot);
        if (Array.isArray(slot)) slot.forEach(walk);
      };
      walk((map as unknown as { root: unknown }).root);
      return parts;
    };
    const mostCopiedPerWrite = (n: number) => {
      let map = PersistentMap.from(Array.from({ length: n }, (_, i) => [`EJ-${i}`, i] as const));
      let most = 0;
      for (let i = 0; i < 200; i++) {
        const before = partsOf(map);
        map = map.set(`new-${i % 50}`, i);
        most = Math.max(most, [...partsOf(map)].filter((part) => !before.has(part)).length);
      }
      return most;
    };
    const small = mostCopiedPerWrite(100);
    const large = mostCopiedPerWrite(20_000);
    // One node per level (at most 6) and the leaf, plus the leaf's split into a node when it fills: never the whole map.
    expect(large).toBeLessThanOrEqual(16);
    expect(large).toBeLessThanOrEqual(small + 4);
  });
});

describe('PersistentList', () => {
  it('answers as an array built from the same pushes, earlier versions unchanged, one shape per content', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 200 }), fc.nat(220), fc.nat(220), (items, a, b) => {
        let list = PersistentList.empty<number>();
        const versions: PersistentList<number>[] = [];
        for (const item of items) versions.push((list = list.push(item)));
        versions.forEach((v, i) => expect([...v]).toEqual(items.slice(0, i + 1)));
        expect(list.length).toBe(items.length);
        expect(list.slice(Math.min(a, b), Math.max(a, b))).toEqual(items.slice(Math.min(a, b), Math.max(a, b)));
        expect(list.get(a)).toBe(items[a]);
        expect(list).toEqual(PersistentList.from(items));
      }),
    );
  });
});
