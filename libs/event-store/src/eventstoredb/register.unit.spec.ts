import { expect, it } from '@jest/globals';
import { eventStoreConfigFromEnv, openEventStore } from '../open-event-store.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { EventStoreDbEventStore, registerEventStoreAdapter } from './register.js';

it('chooses the store by STORE: sqlite by default, eventstoredb once registered, with its connection string', async () => {
  const env = { STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' };
  await expect(openEventStore(eventStoreConfigFromEnv(env))).rejects.toThrow('no event-store adapter registered for STORE=eventstoredb');
  registerEventStoreAdapter();
  const store = await openEventStore(eventStoreConfigFromEnv(env)); // the client connects lazily
  expect(store).toBeInstanceOf(EventStoreDbEventStore);
  await store.close();
  await expect(openEventStore(eventStoreConfigFromEnv({ STORE: 'eventstoredb' }))).rejects.toThrow('EVENTSTORE_CONNECTION_STRING');
  const sqlite = await openEventStore(eventStoreConfigFromEnv({ EVENT_STORE_PATH: ':memory:' }));
  expect(sqlite).toBeInstanceOf(SqliteEventStore);
  await sqlite.close();
});
