import { randomUUID } from 'node:crypto';
import { type Decider, DomainError } from '#kernel';
import type { EventToAppend, RecordedEvent } from '../event-store.port.js';

/** The contract suite's aggregate: counts `added` events and sums their `n`; refuses to pass `limit`. */
export interface Tally {
  count: number;
  sum: number;
}
export interface Add {
  n: number;
  limit?: number;
}

export const tally: Decider<Add, { type: string; data: unknown }, Tally> & { fold(events: RecordedEvent[]): Tally } = {
  initialState: () => ({ count: 0, sum: 0 }),
  decide: (c, s) => {
    if (c.limit !== undefined && s.sum + c.n > c.limit) {
      throw new DomainError('conflict', 'TALLY_FULL', `Le total dépasserait ${c.limit}.`, { sum: s.sum, n: c.n });
    }
    return [{ type: 'added', data: { n: c.n } }];
  },
  evolve: (s, e) => (e.type === 'added' ? { count: s.count + 1, sum: s.sum + (e.data as { n: number }).n } : s),
  fold: (events) => events.reduce((s, e) => tally.evolve(s, { type: e.type, data: e.data }), tally.initialState()),
};

export function decodeTally(saved: unknown): Tally {
  const t = saved as Tally;
  if (typeof t !== 'object' || t === null || !Number.isInteger(t.count) || !Number.isInteger(t.sum)) throw new Error('not a tally');
  return { count: t.count, sum: t.sum };
}

/** `count` added events, n = 1, 2, … */
export const tallies = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type: 'added', data: { n: i + 1 }, metadata: {} }));
