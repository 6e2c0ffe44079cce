/**
 * Where figure 1's time goes: wraps the store's private flush and its COMMIT statement (bench
 * only: reaches into private fields) and splits wall time into COMMIT (WAL write + fsync,
 * checkpoints), the rest of flush (SQL + hashing), and the rest (callers, validation, JSON).
 * Run `node dist/bench/store/probe-flush.js [appends] [pragma ...]`, e.g. `wal_autocheckpoint=0`.
 */
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { CALLERS, plan, streamName } from './fixtures.js';
import { tempDb } from './stats.js';

interface Innards {
  db: Database.Database;
  committer: { flush: () => void; stmts: { commit: { run: () => unknown } } };
}

const count = Number(process.argv[2] ?? 60_000);
const pragmas = process.argv.slice(3);
const tmp = tempDb('probe-flush');
const store = new SqliteEventStore({ path: tmp.path });
const inner = store as unknown as Innards;
for (const p of pragmas) inner.db.pragma(p);
const spent = { flush: 0, commit: 0, flushes: 0 };
const flush = inner.committer.flush.bind(inner.committer);
inner.committer.flush = () => {
  const t = performance.now();
  flush();
  spent.flush += performance.now() - t;
  spent.flushes++;
};
const commit = inner.committer.stmts.commit;
const run = commit.run.bind(commit);
commit.run = () => {
  const t = performance.now();
  const r = run();
  spent.commit += performance.now() - t;
  return r;
};

const batches = plan(count, 1, 1);
const t0 = performance.now();
await Promise.all(
  Array.from({ length: CALLERS }, async (_, caller) => {
    const revisions = new Map<number, bigint>();
    for (let k = caller; k < batches.length; k += CALLERS) {
      const b = batches[k]!;
      const r = await store.appendToStream(streamName(b.stream), b.events, { expectedRevision: revisions.get(b.stream) ?? 'no_stream' });
      revisions.set(b.stream, r.nextRevision);
    }
  }),
);
const wall = performance.now() - t0;
const walPages = inner.db.pragma('wal_checkpoint(PASSIVE)') as unknown;
await store.close();
tmp.cleanup();
const per = (ms: number) => `${((ms * 1000) / count).toFixed(1)} µs/append`;
process.stdout.write(
  [
    `pragmas: ${pragmas.join(' ') || '(store defaults)'}; ${count} appends, ${(count / (wall / 1000)).toFixed(0)}/s, ` +
      `${(count / spent.flushes).toFixed(1)} appends/flush`,
    `  COMMIT (WAL write + fsync + auto-checkpoint): ${per(spent.commit)}  (${(spent.commit / spent.flushes).toFixed(2)} ms/commit)`,
    `  flush minus COMMIT (savepoints, lookups, INSERT, hashes): ${per(spent.flush - spent.commit)}`,
    `  outside flush (callers, validation, JSON, promises, loop): ${per(wall - spent.flush)}`,
    `  final checkpoint: ${JSON.stringify(walPages)}`,
  ].join('\n') + '\n',
);
