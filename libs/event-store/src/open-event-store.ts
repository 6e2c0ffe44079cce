import { join } from 'node:path';
import type { EventStore } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';
import type { UpcasterRegistry } from './upcasting/upcaster.registry.js';

export interface EventStoreConfig {
  kind: 'sqlite' | 'eventstoredb';
  /** sqlite: the event log file. */
  sqlitePath?: string;
  /** eventstoredb: the client connection string. */
  connectionString?: string;
}

/** Reads STORE (sqlite | eventstoredb), DATA_DIR / EVENT_STORE_PATH and EVENTSTORE_CONNECTION_STRING. */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv): EventStoreConfig {
  const kind = (env.STORE ?? 'sqlite') as EventStoreConfig['kind'];
  if (kind !== 'sqlite' && kind !== 'eventstoredb') throw new Error(`STORE must be sqlite or eventstoredb, got "${env.STORE}"`);
  return {
    kind,
    sqlitePath: env.EVENT_STORE_PATH ?? join(env.DATA_DIR ?? './data', 'events.sqlite'),
    connectionString: env.EVENTSTORE_CONNECTION_STRING,
  };
}

/** What the application watches of a store (metrics); each adapter reports what it has. */
export interface EventStoreObserver {
  groupCommitted?(appends: number): void;
}

export type EventStoreOpener = (
  config: EventStoreConfig,
  upcasters?: UpcasterRegistry,
  observer?: EventStoreObserver,
) => Promise<EventStore>;

const openers = new Map<EventStoreConfig['kind'], EventStoreOpener>([
  [
    'sqlite',
    async (c, upcasters, observer) =>
      new SqliteEventStore({ path: c.sqlitePath!, upcasters, onGroupCommit: (n) => observer?.groupCommitted?.(n) }),
  ],
]);

/** Adapters other than the embedded default register here, so that this lib does not load their drivers unless used. */
export function registerEventStoreOpener(kind: EventStoreConfig['kind'], opener: EventStoreOpener): void {
  openers.set(kind, opener);
}

export async function openEventStore(
  config: EventStoreConfig,
  upcasters?: UpcasterRegistry,
  observer?: EventStoreObserver,
): Promise<EventStore> {
  const open = openers.get(config.kind);
  if (!open) throw new Error(`no event-store adapter registered for STORE=${config.kind}`);
  return open(config, upcasters, observer);
}
