import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { DomainError } from '#kernel';
import { foldAsOf, parseAsOf } from './fold-as-of.js';

const counter = { initialState: () => [] as string[], evolve: (s: string[], e: { type: string }) => [...s, e.type] };
const at = (i: number) => new Date(Date.UTC(2023, 8, 1, 8, 0, i));
const events: RecordedEvent[] = ['a', 'b', 'c'].map((type, i) => ({
  id: `id-${i}`,
  streamId: 's',
  revision: BigInt(i),
  position: BigInt(10 * (i + 1)),
  type,
  schemaVersion: 1,
  data: {},
  metadata: {},
  recordedAt: at(i),
}));

describe('foldAsOf', () => {
  it('folds up to a global position, inclusive', () => {
    expect(foldAsOf(events, 20n, counter)).toEqual({ state: ['a', 'b'], count: 2, revision: 1n, position: 20n, recordedAt: at(1) });
    expect(foldAsOf(events, 29n, counter).state).toEqual(['a', 'b']);
    expect(foldAsOf(events, 9n, counter)).toEqual({ state: [], count: 0, revision: -1n, position: 0n, recordedAt: null });
  });

  it('folds up to an instant by recordedAt, inclusive', () => {
    expect(foldAsOf(events, at(0), counter).state).toEqual(['a']);
    expect(foldAsOf(events, new Date(at(2).getTime() - 1), counter).state).toEqual(['a', 'b']);
    expect(foldAsOf(events, at(60), counter).state).toEqual(['a', 'b', 'c']);
  });
});

describe('parseAsOf', () => {
  it('reads a position or an ISO date-time', () => {
    expect(parseAsOf('1234')).toBe(1234n);
    expect(parseAsOf('2023-10-01T12:00:00Z')).toEqual(new Date('2023-10-01T12:00:00Z'));
    expect(parseAsOf('2023-10-01T14:00:00.250+02:00')).toEqual(new Date('2023-10-01T12:00:00.250Z'));
    expect(parseAsOf('2023-10-01T14:00:00 02:00')).toEqual(new Date('2023-10-01T12:00:00Z'));
    expect(parseAsOf('2023-10-01T12:00')).toEqual(new Date('2023-10-01T12:00:00Z'));
  });

  it('refuses anything else with the field and the rule', () => {
    for (const bad of ['', 'yesterday', '-1', '2023-10-01', '2023-13-45T99:00:00Z', '1.5']) {
      expect(() => parseAsOf(bad)).toThrow(DomainError);
    }
    let caught: unknown;
    try {
      parseAsOf('soon');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).category).toBe('invalid');
    expect((caught as DomainError).details).toMatchObject({ field: 'asOf' });
  });
});
