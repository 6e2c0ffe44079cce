import { registerEventStoreOpener } from '../open-event-store.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

export { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb-event-store.js';
export { StoreRejectedError } from './eventstoredb.errors.js';

/**
 * Makes STORE=eventstoredb available to `openEventStore`. Kept out of the lib index so that the
 * SQLite default never loads the gRPC client: import this module only when the config asks for it.
 */
export function registerEventStoreAdapter(): void {
  registerEventStoreOpener('eventstoredb', async (config, upcasters) => {
    if (!config.connectionString) throw new Error('STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
    return new EventStoreDbEventStore({ connectionString: config.connectionString, upcasters });
  });
}
