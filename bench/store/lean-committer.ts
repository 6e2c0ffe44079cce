/**
 * PROTOTYPE, bench only: the store's append path (same schema, same group commit per event-loop
 * turn, same expected-revision check, same per-event hash chain) minus costs that look avoidable:
 * no savepoint per append (checks run before any insert, under the writer lock), JSON.stringify
 * without a replacer, one-shot crypto.hash, and the log head hashed once per commit.
 * Not a drop-in: it skips idempotent-retry handling and changes the head-hash format.
 */
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type EventToAppend, GENESIS_HASH, validateAppend } from '#event-store';
import { openRaw } from './raw-db.js';

interface Pending {
  streamId: string;
  expected: bigint | 'no_stream';
  rows: { id: string; type: string; data: string; meta: string }[];
  resolve: (r: bigint) => void;
  reject: (e: unknown) => void;
}

export class LeanStore {
  readonly stats = { commits: 0, appends: 0 };
  private readonly db: Database.Database;
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly s;

  constructor(path: string) {
    this.db = openRaw(path);
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS log_head (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL, hash TEXT NOT NULL)',
    );
    this.s = {
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      last: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      insert: this.db.prepare(
        'INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash) ' +
          'VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)',
      ),
      head: this.db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM log_head WHERE id = 1'),
      setHead: this.db.prepare(
        'INSERT INTO log_head (id, position, hash) VALUES (1, ?, ?) ' +
          'ON CONFLICT (id) DO UPDATE SET position = excluded.position, hash = excluded.hash',
      ),
    };
  }

  append(streamId: string, events: readonly EventToAppend[], expected: bigint | 'no_stream'): Promise<bigint> {
    validateAppend(streamId, events, expected);
    const rows = events.map((e) => ({
      id: e.id.toLowerCase(),
      type: e.type,
      data: JSON.stringify(e.data),
      meta: JSON.stringify(e.metadata ?? {}),
    }));
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, expected, rows, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  close(): void {
    this.db.close();
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const out: (bigint | Error)[] = [];
    const now = Date.now();
    const hashes: string[] = [];
    let position = 0;
    this.s.begin.run();
    try {
      for (const p of batch) {
        const last = this.s.last.get(p.streamId);
        const current = last ? last.revision : -1;
        if ((p.expected === 'no_stream' && current !== -1) || (typeof p.expected === 'bigint' && BigInt(current) !== p.expected)) {
          out.push(new Error(`wrong expected revision on ${p.streamId}`));
          continue;
        }
        let previous = last ? last.hash : GENESIS_HASH;
        let revision = current;
        for (const r of p.rows) {
          revision++;
          previous = hash('sha256', `${previous}\n${p.streamId}\n${revision}\n${r.id}\n${r.type}\n1\n${r.data}\n${r.meta}\n${now}`);
          position = Number(this.s.insert.run(p.streamId, revision, r.id, r.type, r.data, r.meta, now, previous).lastInsertRowid);
          hashes.push(previous);
        }
        out.push(BigInt(revision));
      }
      if (hashes.length) {
        const head = this.s.head.get();
        this.s.setHead.run(position, hash('sha256', `${head?.hash ?? GENESIS_HASH}\n${position}\n${hashes.join('\n')}`));
      }
      this.s.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.s.rollback.run();
      for (const p of batch) p.reject(error);
      return;
    }
    this.stats.commits++;
    this.stats.appends += batch.length;
    batch.forEach((p, i) => {
      const o = out[i]!;
      if (o instanceof Error) p.reject(o);
      else p.resolve(o);
    });
  }
}
