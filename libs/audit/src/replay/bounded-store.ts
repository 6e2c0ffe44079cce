import { takeWhile } from 'rxjs';
import type { EventStore } from '#event-store';

/** The store as it was up to `upTo`: subscriptions deliver events up to that position only (a replay target). */
export function boundedStore(store: EventStore, upTo: bigint): EventStore {
  return {
    appendToStream: () => Promise.reject(new Error('a replay never writes to the event store')),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: async (options) => (await store.readAll(options)).filter((e) => e.position <= upTo),
    subscribeToAll: (options) => store.subscribeToAll(options).pipe(takeWhile((e) => e.position <= upTo)),
    headPosition: async () => {
      const head = await store.headPosition();
      return head < upTo ? head : upTo;
    },
    // Snapshots hold today's states, past `upTo`: none is read, none written.
    snapshots: { load: async () => undefined, save: async () => {} },
    close: async () => {},
  };
}
