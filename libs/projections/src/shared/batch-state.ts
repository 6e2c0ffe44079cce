import type { Database } from 'better-sqlite3';

/**
 * State a projection keeps per connection and table prefix (live '' and a rebuild's 'rebuild_' can
 * be filled at once): its prepared statements and the changes of the current batch, written in
 * `endBatch`. Pending changes must not outlive a batch: another connection (a blue-green swap) may
 * replace the tables between two batches.
 */
export function perConnection<S>(create: (db: Database, prefix: string) => S): (db: Database, prefix: string) => S {
  const byDb = new WeakMap<Database, Map<string, S>>();
  return (db, prefix) => {
    let byPrefix = byDb.get(db);
    if (!byPrefix) byDb.set(db, (byPrefix = new Map<string, S>()));
    let state = byPrefix.get(prefix);
    if (state === undefined) byPrefix.set(prefix, (state = create(db, prefix)));
    return state;
  };
}

/** A statement prepared on first use (a table may not exist yet when the state is created). */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
