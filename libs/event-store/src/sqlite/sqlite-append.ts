import type { Database, Statement } from 'better-sqlite3';
import type { AppendResult, ExpectedRevision } from '../event-store.port.js';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../event-store.errors.js';
import { eventHash, GENESIS_HASH } from '../hash-chain.js';
import { LimitedStatements } from './limited-statements.js';
import type { StreamTails } from './stream-tails.js';

/** An append already validated and serialized, waiting for the next group commit. */
export interface PreparedAppend {
  streamId: string;
  expected: ExpectedRevision;
  events: { id: string; type: string; schemaVersion: number; dataJson: string; metadataJson: string }[];
}

export interface WrittenEvent {
  position: number;
  hash: string;
}

interface LastRow {
  revision: number;
  hash: string;
}
interface StoredRow {
  position: number;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  schema_version: number;
}

/** One append inside an open transaction: expected-revision check, idempotent retry, insert. */
export class SqliteAppender {
  private readonly last: Statement<[string], LastRow>;
  private readonly at: LimitedStatements<[string, number], StoredRow>;
  private readonly byId: Statement<[string, string], { revision: number }>;
  private readonly insert: Statement;

  constructor(
    db: Database,
    private readonly tails: StreamTails,
  ) {
    this.last = db.prepare('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
    this.at = new LimitedStatements(
      db,
      'SELECT position, revision, event_id, type, data, schema_version FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision',
      false,
    );
    this.byId = db.prepare('SELECT revision FROM events WHERE stream_id = ? AND event_id = ? LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  append(a: PreparedAppend, recordedAtMs: number, written: WrittenEvent[]): AppendResult {
    const last = this.tails.get(a.streamId) ?? this.last.get(a.streamId);
    const current = last ? last.revision : -1;
    const replay = this.findEarlierWrite(a, current);
    if (replay) return replay;
    if (!matches(a.expected, current)) {
      throw new WrongExpectedRevisionError(a.streamId, a.expected, current < 0 ? 'no_stream' : BigInt(current));
    }
    let previousHash = last ? last.hash : GENESIS_HASH;
    let revision = current;
    let position = 0;
    for (const e of a.events) {
      revision += 1;
      const hash = eventHash(previousHash, {
        streamId: a.streamId,
        revision,
        eventId: e.id,
        type: e.type,
        schemaVersion: e.schemaVersion,
        dataJson: e.dataJson,
        metadataJson: e.metadataJson,
        recordedAtMs,
      });
      const info = this.insert.run(a.streamId, revision, e.id, e.type, e.schemaVersion, e.dataJson, e.metadataJson, recordedAtMs, hash);
      position = Number(info.lastInsertRowid);
      written.push({ position, hash });
      previousHash = hash;
    }
    this.tails.set(a.streamId, { revision, hash: previousHash });
    return { nextRevision: BigInt(revision), position: BigInt(position) };
  }

  /**
   * EventStoreDB's idempotency rule: if the first event id already sits where this append
   * would have put it (or anywhere in the stream, for `any`/`stream_exists`), the append is a
   * retry: same content → the first result, nothing written; other content → an error.
   */
  private findEarlierWrite(a: PreparedAppend, current: number): AppendResult | undefined {
    if (current < 0) return undefined;
    const first = a.events[0]!;
    let start: number;
    if (typeof a.expected === 'bigint') {
      if (Number(a.expected) >= current) return undefined;
      start = Number(a.expected) + 1;
    } else if (a.expected === 'no_stream') {
      start = 0;
    } else {
      const hit = this.byId.get(a.streamId, first.id);
      if (!hit) return undefined;
      start = hit.revision;
    }
    const stored = this.at.for(a.events.length).all(a.streamId, start);
    if (stored.length === 0 || stored[0]!.event_id !== first.id) return undefined;
    if (stored.length < a.events.length) throw new IdempotencyConflictError(a.streamId, first.id);
    a.events.forEach((e, i) => {
      const s = stored[i]!;
      if (s.event_id !== e.id || s.type !== e.type || s.data !== e.dataJson || s.schema_version !== e.schemaVersion) {
        throw new IdempotencyConflictError(a.streamId, e.id);
      }
    });
    const lastStored = stored[stored.length - 1]!;
    return { nextRevision: BigInt(lastStored.revision), position: BigInt(lastStored.position) };
  }
}

function matches(expected: ExpectedRevision, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === -1;
  if (expected === 'stream_exists') return current >= 0;
  return BigInt(current) === expected;
}
