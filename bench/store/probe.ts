/**
 * Where an append and a read spend their time: each piece the store does, timed alone on the
 * same ~400-byte event. Not part of `npm run bench:store`; run `node dist/bench/store/probe.js`.
 */
import { createHash, hash } from 'node:crypto';
import { eventHash, GENESIS_HASH, headHash, validateAppend } from '#event-store';
import { makeEvent, streamName } from './fixtures.js';
import { COLUMNS, openRaw } from './raw-db.js';
import { tempDb } from './stats.js';

const N = 20_000;
/** Best of 5 after a warm-up: the machine is shared and noisy, the minimum is the cost. */
const us = (label: string, n: number, run: () => void) => {
  run();
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  process.stdout.write(`${label.padEnd(62)} ${((best * 1000) / n).toFixed(2)} µs\n`);
};

// The store's toJson (validate-append.ts), copied: it is not exported.
const toJson = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'bigint') throw new Error('bigint');
    if (typeof x === 'number' && !Number.isFinite(x)) throw new Error('nan');
    return x;
  });

const events = Array.from({ length: N }, (_, i) => makeEvent(i));
const json = events.map((e) => ({ data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) }));
const fields = (i: number) => ({
  streamId: streamName(i),
  revision: 0,
  eventId: events[i]!.id,
  type: events[i]!.type,
  schemaVersion: 1,
  dataJson: json[i]!.data,
  metadataJson: json[i]!.metadata,
  recordedAtMs: 1,
});

process.stdout.write(`per event, mean of ${N}\n-- CPU outside SQLite\n`);
us('validateAppend (regexes, Set)', N, () => {
  for (let i = 0; i < N; i++) validateAppend(streamName(i), [events[i]!], 'no_stream');
});
us('JSON.stringify data + metadata', N, () => {
  for (const e of events) {
    JSON.stringify(e.data);
    JSON.stringify(e.metadata);
  }
});
us('toJson (stringify with replacer) data + metadata', N, () => {
  for (const e of events) {
    toJson(e.data);
    toJson(e.metadata);
  }
});
us('eventHash (sha256 over the row)', N, () => {
  for (let i = 0; i < N; i++) eventHash(GENESIS_HASH, fields(i));
});
us('headHash (sha256, once per event in advanceHead)', N, () => {
  for (let i = 0; i < N; i++) headHash(GENESIS_HASH, i, GENESIS_HASH);
});
us('sha256 one-shot crypto.hash() over the same text', N, () => {
  for (let i = 0; i < N; i++) {
    const f = fields(i);
    hash('sha256', `${GENESIS_HASH}\n${f.streamId}\n0\n${f.eventId}\n${f.type}\n1\n${f.dataJson}\n${f.metadataJson}\n1`);
  }
});
us('sha256 createHash().update().digest() over the same text', N, () => {
  for (let i = 0; i < N; i++) {
    const f = fields(i);
    createHash('sha256')
      .update(`${GENESIS_HASH}\n${f.streamId}\n0\n${f.eventId}\n${f.type}\n1\n${f.dataJson}\n${f.metadataJson}\n1`)
      .digest('hex');
  }
});
us('new Promise + resolve + await (per append)', N, () => {
  for (let i = 0; i < N; i++) void new Promise<number>((r) => r(i)).then(() => 0);
});

process.stdout.write('-- SQLite statements inside one open transaction (FULL, WAL)\n');
const tmp = tempDb('probe');
const db = openRaw(tmp.path);
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const savepoint = db.prepare('SAVEPOINT one_append');
const release = db.prepare('RELEASE one_append');
const last = db.prepare('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
const insert = db.prepare(`INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash)
  VALUES (?, ?, ?, ?, 1, ?, ?, 1, ?)`);
let round = 0; // each run writes new revisions
const inTxn = (run: () => void) => () => {
  begin.run();
  run();
  commit.run();
};
us(
  'SAVEPOINT + RELEASE',
  N,
  inTxn(() => {
    for (let i = 0; i < N; i++) {
      savepoint.run();
      release.run();
    }
  }),
);
us(
  'INSERT one row (random stream among 10,000)',
  N,
  inTxn(() => {
    round++;
    for (let i = 0; i < N; i++) {
      insert.run(
        streamName(i % 10_000),
        round * 10 + Math.floor(i / 10_000),
        events[i]!.id,
        events[i]!.type,
        json[i]!.data,
        json[i]!.metadata,
        GENESIS_HASH,
      );
    }
  }),
);
us(
  'SELECT last revision of the stream (rows present)',
  N,
  inTxn(() => {
    for (let i = 0; i < N; i++) last.get(streamName(i % 10_000));
  }),
);
us('COMMIT with fsync (one empty-ish txn; the wall, per commit)', 200, () => {
  for (let i = 0; i < 200; i++) {
    begin.run();
    insert.run('x', 1_000_000 + round * 1000 + i, 'e', 't', '{}', '{}', 'h');
    commit.run();
  }
  round++;
});

process.stdout.write('-- reads (per row, whole log)\n');
const total = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
const all = db.prepare(`SELECT ${COLUMNS} FROM events ORDER BY position`);
const noHash = db.prepare(
  'SELECT position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at FROM events ORDER BY position',
);
let rows: Record<string, unknown>[] = [];
us('.all() objects, 10 columns', total, () => {
  rows = all.all() as Record<string, unknown>[];
});
us('.raw().all() arrays, 10 columns', total, () => {
  all.raw(true).all();
  all.raw(false);
});
us('.iterate() objects, 10 columns', total, () => {
  for (const r of all.iterate()) void r;
});
us('.all() objects, 9 columns (no hash)', total, () => {
  noHash.all();
});
us('.raw().iterate() arrays, 10 columns', total, () => {
  for (const r of all.raw(true).iterate()) void r;
  all.raw(false);
});
us('JSON.parse data + metadata', total, () => {
  for (const r of rows) {
    JSON.parse(r.data as string);
    JSON.parse(r.metadata as string);
  }
});
us('BigInt ×2 + new Date', total, () => {
  for (const r of rows) {
    BigInt(r.revision as number);
    BigInt(r.position as number);
    new Date(r.recorded_at as number);
  }
});
db.close();
tmp.cleanup();
