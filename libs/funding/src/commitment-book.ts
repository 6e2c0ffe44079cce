import { PersistentList, PersistentMap } from '#kernel';
import type { Commitment } from './envelope.state.js';

/**
 * The commitments of an envelope, by reference and in the order they were made. Immutable and updated by path copying:
 * recording the 3,000th commitment costs what the first did (a record spread would copy all the others, on every event).
 * JSON.stringify gives `{ ref: commitment }` in commitment order, as the plain record it replaces did.
 */
export class CommitmentBook {
  private constructor(
    private readonly byRef: PersistentMap<Commitment>,
    private readonly order: PersistentList<string>,
    /** EJ number → reference: an EJ number is never reused on an envelope, checked without a pass over the commitments. */
    private readonly byEj: PersistentMap<string>,
  ) {}

  static empty(): CommitmentBook {
    return new CommitmentBook(PersistentMap.empty(), PersistentList.empty(), PersistentMap.empty());
  }

  /** From commitments in the order they were made (a snapshot's list). */
  static of(commitments: Iterable<Commitment>): CommitmentBook {
    const list = [...commitments];
    return new CommitmentBook(
      PersistentMap.from(list.map((c) => [c.ref, c] as const)),
      PersistentList.from(list.map((c) => c.ref)),
      PersistentMap.from(list.flatMap((c) => (c.ejNumber ? [[c.ejNumber, c.ref] as const] : []))),
    );
  }

  /** The reference of the commitment holding this EJ number, if any. */
  refOfEj(ejNumber: string): string | undefined {
    return this.byEj.get(ejNumber);
  }

  get size(): number {
    return this.order.length;
  }

  get(ref: string): Commitment | undefined {
    return this.byRef.get(ref);
  }

  /** A new commitment goes last; a known reference is replaced where it stands. */
  with(commitment: Commitment): CommitmentBook {
    const known = this.byRef.has(commitment.ref);
    const byEj = commitment.ejNumber && !known ? this.byEj.set(commitment.ejNumber, commitment.ref) : this.byEj;
    return new CommitmentBook(this.byRef.set(commitment.ref, commitment), known ? this.order : this.order.push(commitment.ref), byEj);
  }

  /** Commitments `from` (0-based, in commitment order) up to `limit` of them. */
  page(from: number, limit: number): Commitment[] {
    return this.order.slice(from, from + limit).map((ref) => this.byRef.get(ref)!);
  }

  *[Symbol.iterator](): IterableIterator<Commitment> {
    for (const ref of this.order) yield this.byRef.get(ref)!;
  }

  toJSON(): Record<string, Commitment> {
    return Object.fromEntries([...this].map((c) => [c.ref, c]));
  }
}
