import type { AppendOptions, EventStore, EventToAppend } from '#event-store';
import type { RefondaMetrics } from './refonda.metrics.js';

/** The store, with every append timed: the same adapter underneath, whichever it is. */
export function meteredEventStore(store: EventStore, metrics: RefondaMetrics): EventStore {
  return {
    async appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions) {
      const started = process.hrtime.bigint();
      try {
        return await store.appendToStream(streamId, events, options);
      } finally {
        metrics.appended(Number(process.hrtime.bigint() - started) / 1e9);
      }
    },
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    snapshots: store.snapshots,
    close: () => store.close(),
  };
}
