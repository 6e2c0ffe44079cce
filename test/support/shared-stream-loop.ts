// Child process: appends APPENDS events to one stream that other processes append to as well,
// reading the stream's tail before each try and trying again after a wrong expected revision.
import { randomUUID } from 'node:crypto';
import { SqliteEventStore, WrongExpectedRevisionError } from '#event-store';

const store = new SqliteEventStore({ path: process.env.EVENT_STORE_PATH!, pollIntervalMs: 5 });
const stream = process.env.STREAM!;
const appends = Number(process.env.APPENDS ?? '100');
let conflicts = 0;

async function appendOne(): Promise<void> {
  for (;;) {
    const [tail] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    // Let the other processes commit between the read and the append: the tail this store
    // remembers is then stale, and only data_version tells it so.
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)));
    try {
      await store.appendToStream(stream, [{ id: randomUUID(), type: 'funding.envelope_credited', data: { pid: process.pid } }], {
        expectedRevision: tail ? tail.revision : 'no_stream',
      });
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      conflicts += 1;
    }
  }
}

// Two appenders per process, so that groups hold appends of this process and tails of the other's.
await Promise.all(
  [0, 1].map(async () => {
    for (let i = 0; i < appends / 2; i++) await appendOne();
  }),
);
await store.close();
process.stdout.write(`${conflicts}\n`);
