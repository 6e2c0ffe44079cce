/**
 * An immutable list that only grows: `push` copies the last chunk (at most 32 items) and, once in 32 pushes, the array of
 * full chunks, so appending to a list of thousands costs about the same as to an empty one. Its shape depends only on its
 * items: two lists with the same items are deeply equal.
 */
const CHUNK = 32;

export class PersistentList<T> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    private readonly tail: readonly T[],
  ) {}

  static empty<T>(): PersistentList<T> {
    return new PersistentList<T>([], []);
  }

  static from<T>(items: Iterable<T>): PersistentList<T> {
    const all = [...items];
    const full = all.length - (all.length % CHUNK);
    const chunks: T[][] = [];
    for (let i = 0; i < full; i += CHUNK) chunks.push(all.slice(i, i + CHUNK));
    return new PersistentList(chunks, all.slice(full));
  }

  get length(): number {
    return this.chunks.length * CHUNK + this.tail.length;
  }

  get(index: number): T | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    const chunk = Math.floor(index / CHUNK);
    return chunk < this.chunks.length ? this.chunks[chunk]![index % CHUNK] : this.tail[index % CHUNK];
  }

  push(item: T): PersistentList<T> {
    if (this.tail.length < CHUNK - 1) return new PersistentList(this.chunks, [...this.tail, item]);
    return new PersistentList([...this.chunks, [...this.tail, item]], []);
  }

  /** Items `from` (inclusive) to `to` (exclusive), like Array.prototype.slice with non-negative bounds. */
  slice(from: number, to = this.length): T[] {
    const out: T[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.get(i)!);
    return out;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (const chunk of this.chunks) yield* chunk;
    yield* this.tail;
  }
}
