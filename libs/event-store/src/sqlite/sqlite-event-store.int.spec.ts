import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEventStoreContract } from '../contract/event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

runEventStoreContract({
  name: 'embedded SQLite',
  async create(options) {
    const dir = mkdtempSync(join(tmpdir(), 'refonda-store-'));
    const path = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ path, upcasters: options?.upcasters });
    return {
      store,
      reopen: async () => new SqliteEventStore({ path }),
      childEnv: () => ({ STORE: 'sqlite', EVENT_STORE_PATH: path }),
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
