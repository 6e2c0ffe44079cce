import { type ClientEvent, storedFields } from './eventstoredb.events.js';
import { StoreRejectedError } from './eventstoredb.errors.js';
import { encodePosition, logOffsetOf } from './eventstoredb.position.js';

/** Finds the log offset of the event at `revision` of `streamId` (the first event of an append). */
export type AppendStartLookup = (streamId: string, revision: bigint) => Promise<bigint | undefined>;

const KEEP = 512;

/**
 * Gives each event its port position: the log offset of the first event of its append, plus its
 * index. Appends seen whole cost nothing; one that starts before what was read (a page boundary, a
 * backwards read, a resubscription) costs one lookup, remembered for the rest of the read.
 */
export class AppendStarts {
  private readonly starts = new Map<string, bigint>();

  constructor(private readonly lookup: AppendStartLookup) {}

  /** Learns the append starts visible in a batch, so that its other events need no lookup. */
  learn(batch: readonly ClientEvent[]): void {
    for (const e of batch) {
      const offset = logOffsetOf(e.position);
      if (storedFields(e).appendIndex === 0 && offset !== undefined) this.remember(e.streamId, e.revision, offset);
    }
  }

  async positionOf(e: ClientEvent): Promise<bigint> {
    const { appendIndex } = storedFields(e);
    const first = e.revision - BigInt(appendIndex);
    let start = this.starts.get(key(e.streamId, first));
    if (start === undefined && appendIndex === 0) start = logOffsetOf(e.position);
    if (start === undefined) start = await this.lookup(e.streamId, first);
    if (start === undefined) {
      throw new StoreRejectedError(`event ${e.id} has no $all position: EventStoreDB 22.6 or later is required`);
    }
    this.remember(e.streamId, first, start);
    return encodePosition(start, appendIndex);
  }

  private remember(streamId: string, revision: bigint, offset: bigint): void {
    const k = key(streamId, revision);
    this.starts.delete(k);
    this.starts.set(k, offset);
    if (this.starts.size > KEEP) this.starts.delete(this.starts.keys().next().value!);
  }
}

function key(streamId: string, revision: bigint): string {
  return `${revision}@${streamId}`;
}
