import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH, headHash, SqliteEventStore } from '#event-store';

export interface Row {
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

/** A small log over 3 streams, interleaved, one second apart (recordedAt is under the test's control). */
export async function buildLog(path: string): Promise<Row[]> {
  let clock = Date.parse('2023-09-01T08:00:00.000Z');
  const store = new SqliteEventStore({ path, now: () => clock });
  const plan: [string, string, Record<string, unknown>][] = [
    ['project-a', 'project.intention_declared', { title: 'Jardin' }],
    ['project-b', 'project.intention_declared', { title: 'MSP' }],
    ['project-a', 'project.transitioned', { command: 'start_drafting' }],
    ['envelope-fip-academie-09-2023', 'envelope.opened', { label: 'FIP Lille' }],
    ['project-a', 'project.transitioned', { command: 'submit', amount: 1250000 }],
    ['project-b', 'project.transitioned', { command: 'start_drafting' }],
    ['project-a', 'project.transitioned', { command: 'start_analysis' }],
    ['envelope-fip-academie-09-2023', 'envelope.committed', { amountCents: 1250000 }],
    ['project-b', 'project.transitioned', { command: 'submit' }],
    ['project-a', 'project.transitioned', { command: 'validate', reason: 'Solide' }],
  ];
  const revisions = new Map<string, bigint>();
  for (const [stream, type, data] of plan) {
    const current = revisions.get(stream);
    await store.appendToStream(stream, [{ id: randomUUID(), type, data, metadata: { actor: 'u', role: 'validator' } }], {
      expectedRevision: current === undefined ? 'no_stream' : current,
    });
    revisions.set(stream, (current ?? -1n) + 1n);
    clock += 1000;
  }
  await store.close();
  return rows(path);
}

export function rows(path: string): Row[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT * FROM events ORDER BY position').all() as Row[];
  } finally {
    db.close();
  }
}

function edit(path: string, run: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    run(db);
  } finally {
    db.close();
  }
}

/** Changes one byte of the stored data of the event at `position`. */
export function changeOneByte(path: string, position: number): void {
  edit(path, (db) => {
    const { data } = db.prepare('SELECT data FROM events WHERE position = ?').get(position) as { data: string };
    const i = data.search(/[a-z]/);
    const changed = data.slice(0, i) + (data[i] === 'x' ? 'y' : 'x') + data.slice(i + 1);
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(changed, position);
  });
}

export function deleteRow(path: string, position: number): void {
  edit(path, (db) => db.prepare('DELETE FROM events WHERE position = ?').run(position));
}

/** Swaps the contents of two rows: each event now sits at the other's position. */
export function swapRows(path: string, p1: number, p2: number): void {
  edit(path, (db) => {
    const get = (p: number) => db.prepare('SELECT * FROM events WHERE position = ?').get(p) as Row;
    const [a, b] = [get(p1), get(p2)];
    const put = db.prepare(`UPDATE events SET stream_id = @stream_id, revision = @revision, event_id = @event_id, type = @type,
      schema_version = @schema_version, data = @data, metadata = @metadata, recorded_at = @recorded_at, hash = @hash
      WHERE position = @position`);
    db.transaction(() => {
      db.prepare('UPDATE events SET revision = -1 - revision WHERE position IN (?, ?)').run(p1, p2); // dodge the unique index
      put.run({ ...b, position: p1 });
      put.run({ ...a, position: p2 });
    })();
  });
}

/**
 * The attack a plain verify cannot see: alter an event, then recompute every stream hash and the log head
 * from it, as someone holding the code and the file could. Only an anchor kept outside catches it.
 */
export function alterAndRehash(path: string, position: number): void {
  changeOneByte(path, position);
  edit(path, (db) => {
    const all = db.prepare('SELECT * FROM events ORDER BY position').all() as Row[];
    const last = new Map<string, string>();
    let head = GENESIS_HASH;
    const update = db.prepare('UPDATE events SET hash = ? WHERE position = ?');
    db.transaction(() => {
      for (const r of all) {
        const hash = eventHash(last.get(r.stream_id) ?? GENESIS_HASH, {
          streamId: r.stream_id,
          revision: r.revision,
          eventId: r.event_id,
          type: r.type,
          schemaVersion: r.schema_version,
          dataJson: r.data,
          metadataJson: r.metadata,
          recordedAtMs: r.recorded_at,
        });
        last.set(r.stream_id, hash);
        head = headHash(head, r.position, hash);
        update.run(hash, r.position);
      }
      db.prepare('UPDATE log_head SET hash = ? WHERE id = 1').run(head);
    })();
  });
}
