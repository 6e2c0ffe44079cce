// The shared contract suite against a real EventStoreDB. jest.config.js leaves this file out, and
// says so in the run summary, when there is neither EVENTSTORE_CONNECTION_STRING nor a Docker engine
// with testcontainers: these cases are then not run, never counted as passed.
import { afterAll } from '@jest/globals';
import { runEventStoreContract } from '../contract/event-store.contract.js';
import { startTestServer } from './esdb-test-server.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

const server = await startTestServer();
afterAll(() => server.stop());

runEventStoreContract({
  name: `EventStoreDB (${server.description})`,
  async create(options) {
    const open = () => new EventStoreDbEventStore({ connectionString: server.connectionString, upcasters: options?.upcasters });
    const store = open();
    return {
      store,
      reopen: async () => open(),
      childEnv: () => ({ STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: server.connectionString }),
      cleanup: () => store.close(),
    };
  },
});
