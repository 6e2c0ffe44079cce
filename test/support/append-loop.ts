// Child process of the crash case: appends in a loop and prints one line per acknowledged append.
import { randomUUID } from 'node:crypto';
import { eventStoreConfigFromEnv, openEventStore } from '#event-store';

const config = eventStoreConfigFromEnv(process.env);
if (config.kind === 'eventstoredb') (await import('#event-store/eventstoredb/register')).registerEventStoreAdapter();
const store = await openEventStore(config);
const prefix = process.env.STREAM_PREFIX ?? `crash-${randomUUID().slice(0, 8)}`;
// Per worker; unlimited by default (the crash case kills the process).
const limit = BigInt(process.env.APPEND_LIMIT ?? '-1');

async function loop(worker: number): Promise<void> {
  const stream = `${prefix}-${worker}`;
  for (let revision = 0n; limit < 0n || revision < limit; revision++) {
    const id = randomUUID();
    await store.appendToStream(stream, [{ id, type: 'Tick', data: { worker, revision: String(revision) } }], {
      expectedRevision: revision === 0n ? 'no_stream' : revision - 1n,
    });
    process.stdout.write(`${stream} ${revision} ${id}\n`);
  }
}

await Promise.all(Array.from({ length: 8 }, (_, w) => loop(w)));
await store.close();
