import type { FunnelAsOf } from '#audit';

interface Entry {
  answer: Promise<FunnelAsOf>;
  /** The log's head when the fold began. */
  head: bigint;
  /** Known once the fold is done: its answer holds for ever (FunnelAsOf.settled). */
  settled: boolean;
}

/**
 * Funnels folded from the log at an asOf, least recently used out past `capacity`. An answer is served again when it
 * is settled (the log already went past asOf), or while the log's head has not moved since its fold began: then no
 * event was appended since, and an asOf at or past the head ("now") is never answered stale. A fold under way is
 * shared on the same terms, so that simultaneous identical calls replay the log once.
 */
export class FunnelAsOfCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {}

  answer(key: string, head: bigint, fold: () => Promise<FunnelAsOf>): Promise<FunnelAsOf> {
    const known = this.entries.get(key);
    if (known && (known.settled || known.head === head)) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.answer;
    }
    const entry: Entry = { answer: fold(), head, settled: false };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    entry.answer.then(
      (funnel) => (entry.settled = funnel.settled),
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    return entry.answer;
  }

  get size(): number {
    return this.entries.size;
  }
}
