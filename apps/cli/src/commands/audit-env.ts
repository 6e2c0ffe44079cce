import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { dirname, resolve } from 'node:path';
import { createDataDirectory, type EventStore, eventStoreConfigFromEnv, openEventStore } from '#event-store';
import { writeChunks } from '#audit';
import { refondaUpcasters } from '../../../api/src/infrastructure/upcasters.js';

/** DATA_DIR and the event-log file, as the API reads them. */
export function auditEnv(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = resolve(env.DATA_DIR || './data');
  const config = eventStoreConfigFromEnv({ ...env, DATA_DIR: dataDir });
  return { dataDir, config };
}

/** The raw SQLite event log: verify and anchors recompute from its rows. */
export function sqliteLogPath(env: NodeJS.ProcessEnv = process.env): string {
  const { config } = auditEnv(env);
  if (config.kind !== 'sqlite') throw new Error('audit verify and anchors read the embedded SQLite log (STORE=sqlite)');
  return config.sqlitePath!;
}

/** Before a command writes into DATA_DIR: creates it (and the log's directory) with the API's mode, as the API does. */
export function createDataDirectories(env: NodeJS.ProcessEnv = process.env, ...others: string[]): void {
  const { dataDir, config } = auditEnv(env);
  const log = config.kind === 'sqlite' ? [dirname(config.sqlitePath!)] : [];
  for (const dir of new Set([dataDir, ...log, ...others])) createDataDirectory(dir);
}

export async function withStore<T>(run: (store: EventStore) => Promise<T>): Promise<T> {
  createDataDirectories();
  const store = await openEventStore(auditEnv().config, refondaUpcasters());
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** Streams chunks to `--out` (a file) or stdout, with backpressure. */
export async function writeOut(chunks: AsyncIterable<string | Uint8Array>, out: string | undefined): Promise<number> {
  if (!out) return (await writeChunks(chunks, process.stdout)).bytes;
  const file = createWriteStream(out);
  const { bytes } = await writeChunks(chunks, file);
  file.end();
  await finished(file);
  return bytes;
}
