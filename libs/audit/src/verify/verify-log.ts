import Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH, headHash } from '#event-store';
import type { Fault, LogHead, VerifyReport } from './verify.types.js';
import { locateGaps } from './locate-gaps.js';

interface Row {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: number;
  hash: string;
}

export interface RevisionGap {
  streamId: string;
  fromRevision: number;
  toRevision: number;
  /** Positions of the events around the gap in the stream (null: the gap opens the stream). */
  afterPosition: number | null;
  beforePosition: number;
}

const COLUMNS = 'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash';

/**
 * Recomputes everything from the raw rows of the SQLite event log, behind the store's back:
 * per stream (revision order) each event's hash from its stored fields and its predecessor's hash, and the
 * revisions without gaps; over global order the positions without gaps, each stream in revision order, and
 * the chained head compared with `log_head`. `upTo` limits the check to positions <= upTo (anchors).
 */
export function verifyLog(path: string, options: { upTo?: number } = {}): VerifyReport {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN');
    const report = verifyOpen(db, options.upTo ?? Number.MAX_SAFE_INTEGER, options.upTo === undefined);
    db.exec('COMMIT');
    return report;
  } finally {
    db.close();
  }
}

function verifyOpen(db: Database.Database, upTo: number, checkStoredHead: boolean): VerifyReport {
  const faults: Fault[] = [];
  const warnings: Fault[] = [];
  const fault = (kind: Fault['kind'], row: Row | null, message: string, position = row?.position ?? null): Fault => ({
    kind,
    position,
    streamId: row?.stream_id ?? null,
    revision: row?.revision ?? null,
    eventId: row?.event_id ?? null,
    message,
  });

  // 1. Per stream, in revision order: hashes and revision gaps.
  const gaps: RevisionGap[] = [];
  let streams = 0;
  let previous: Row | undefined;
  for (const row of db
    .prepare<[number], Row>(`SELECT ${COLUMNS} FROM events WHERE position <= ? ORDER BY stream_id, revision`)
    .iterate(upTo)) {
    const sameStream = previous?.stream_id === row.stream_id;
    if (!sameStream) streams++;
    const expected = sameStream ? previous!.revision + 1 : 0;
    if (row.revision > expected) {
      gaps.push({
        streamId: row.stream_id,
        fromRevision: expected,
        toRevision: row.revision - 1,
        afterPosition: sameStream ? previous!.position : null,
        beforePosition: row.position,
      });
    } else if (row.revision < expected) {
      faults.push(fault('chain_broken', row, `revision ${row.revision} appears twice in the stream`));
    } else {
      const computed = eventHash(sameStream ? previous!.hash : GENESIS_HASH, {
        streamId: row.stream_id,
        revision: row.revision,
        eventId: row.event_id,
        type: row.type,
        schemaVersion: row.schema_version,
        dataJson: row.data,
        metadataJson: row.metadata,
        recordedAtMs: row.recorded_at,
      });
      if (computed !== row.hash)
        faults.push(fault('hash_mismatch', row, `recorded hash ${row.hash.slice(0, 12)}…, its content gives ${computed.slice(0, 12)}…`));
    }
    previous = row;
  }
  const missing = new Map<string, RevisionGap[]>();
  for (const g of gaps) missing.set(g.streamId, [...(missing.get(g.streamId) ?? []), g]);
  const isMissing = (streamId: string, revision: number) =>
    (missing.get(streamId) ?? []).some((g) => revision >= g.fromRevision && revision <= g.toRevision);

  // 2. Over global order: positions, per-stream order, time, chained head.
  const positionGaps: { from: number; to: number }[] = [];
  const lastRevision = new Map<string, number>();
  let expectedPosition = 1;
  let head = GENESIS_HASH;
  let lastPosition = 0;
  let latest: Row | undefined;
  let events = 0;
  for (const row of db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM events WHERE position <= ? ORDER BY position`).iterate(upTo)) {
    events++;
    if (row.position > expectedPosition) positionGaps.push({ from: expectedPosition, to: row.position - 1 });
    head = headHash(head, row.position, row.hash);
    const last = lastRevision.get(row.stream_id) ?? -1;
    let next = last + 1;
    while (isMissing(row.stream_id, next)) next++;
    if (row.revision > next) {
      faults.push(fault('chain_broken', row, `comes before revision ${next} of its stream, which is recorded later in the log`));
    } else if (row.revision < next && row.revision <= last) {
      faults.push(fault('chain_broken', row, `comes after revision ${last} of its stream`));
    }
    lastRevision.set(row.stream_id, Math.max(last, row.revision));
    if (latest && row.recorded_at < latest.recorded_at) {
      warnings.push(
        fault(
          'time_reversed',
          latest,
          `recorded at ${new Date(latest.recorded_at).toISOString()}, later than the event at position ${row.position} after it`,
        ),
      );
    }
    if (!latest || row.recorded_at >= latest.recorded_at) latest = row;
    expectedPosition = row.position + 1;
    lastPosition = row.position;
  }
  faults.push(...locateGaps(gaps, positionGaps));

  const storedHead = readStoredHead(db);
  const recomputed: LogHead = { position: lastPosition, hash: head };
  if (checkStoredHead) faults.push(...compareHeads(recomputed, storedHead, faults.length === 0 ? warnings[0] : undefined));

  faults.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
  return { ok: faults.length === 0, events, streams, head: recomputed, storedHead, faults, warnings, first: faults[0] ?? null };
}

function readStoredHead(db: Database.Database): LogHead | null {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_head'").get();
  if (!exists) return null;
  return db.prepare<[], LogHead>('SELECT position, hash FROM log_head WHERE id = 1').get() ?? null;
}

function compareHeads(recomputed: LogHead, stored: LogHead | null, timeHint: Fault | undefined): Fault[] {
  const base = { streamId: null, revision: null, eventId: null };
  if (!stored) {
    return recomputed.position === 0
      ? []
      : [{ ...base, kind: 'head_mismatch', position: null, message: 'the log has events but no recorded head (log_head)' }];
  }
  if (stored.position > recomputed.position) {
    return [
      {
        ...base,
        kind: 'head_mismatch',
        position: recomputed.position + 1,
        message:
          `the recorded head is at position ${stored.position} but the log ends at position ${recomputed.position}: ` +
          `events ${recomputed.position + 1}..${stored.position} are missing`,
      },
    ];
  }
  if (stored.position < recomputed.position) {
    return [
      {
        ...base,
        kind: 'head_mismatch',
        position: stored.position + 1,
        message: `events after the recorded head (position ${stored.position}) were written behind the store's back`,
      },
    ];
  }
  if (stored.hash === recomputed.hash) return [];
  if (timeHint) {
    return [
      {
        ...timeHint,
        kind: 'head_mismatch',
        message:
          'the chained head differs from the recorded one: the global order changed; ' +
          `first event out of time order here (${timeHint.message})`,
      },
    ];
  }
  return [
    {
      ...base,
      kind: 'head_mismatch',
      position: null,
      message:
        `the chained head over global order (${recomputed.hash.slice(0, 12)}…) differs from the recorded one ` +
        `(${stored.hash.slice(0, 12)}…): events were reordered, or removed or altered with their stream hashes rewritten`,
    },
  ];
}
