import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { PROJECT_EVENT_TYPES, evolveProject, holdersOf, initialProjectState, type Project, type ProjectState } from '#projects';
import type { Projection } from '../runner/projection.js';
import { perConnection } from '../shared/batch-state.js';

export const PROJECT_LIST = 'projects';

/**
 * One row per project: the folded state (the domain's own evolve) plus the columns searched on.
 * Also gives `GET /projects/:id` its state, revision and position for read-your-writes.
 */
export const projectListProjection: Projection = {
  name: PROJECT_LIST,
  version: 2,
  handles: [...PROJECT_EVENT_TYPES],
  tables: ['projects', 'project_holders'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}projects" (
      id TEXT PRIMARY KEY, program TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL,
      region TEXT NOT NULL, departement TEXT NOT NULL, academie TEXT, cts TEXT,
      holder_id TEXT NOT NULL, declarant TEXT NOT NULL, requested_cents INTEGER, granted_cents INTEGER,
      declared_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL,
      state TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS "${prefix}projects_status" ON "${prefix}projects" (program, status);
      CREATE INDEX IF NOT EXISTS "${prefix}projects_updated" ON "${prefix}projects" (updated_at DESC);
      CREATE TABLE IF NOT EXISTS "${prefix}project_holders" (
        organisation_id TEXT NOT NULL, project_id TEXT NOT NULL, PRIMARY KEY (organisation_id, project_id)) WITHOUT ROWID;`);
  },
  // A project's events mostly sit together in the log: fold them in memory, write one row per batch.
  apply(db, event, prefix) {
    const id = event.streamId.replace(/^project-/, '');
    const batch = batchOf(db, prefix);
    const kept = batch.pending.get(id);
    let before: ProjectState = kept?.project ?? initialProjectState();
    if (!kept) {
      const row = batch.select.get(id);
      if (row) before = JSON.parse(row.state) as Project;
    }
    const after = evolveProject(before, { type: event.type, data: event.data } as Parameters<typeof evolveProject>[1]);
    if (!after.exists) return;
    batch.pending.set(id, { project: after, event });
  },
  endBatch(db, prefix) {
    const batch = batchOf(db, prefix);
    const pending = [...batch.pending.values()];
    batch.pending.clear();
    for (const { project, event } of pending) {
      upsert(batch.upsert, project, event);
      for (const organisationId of holdersOf(project)) batch.hold.run(organisationId, project.id);
    }
  },
  abortBatch(db, prefix) {
    batchOf(db, prefix).pending.clear();
  },
};

const batchOf = perConnection((db: Database, prefix: string) => ({
  pending: new Map<string, { project: Project; event: RecordedEvent }>(),
  hold: db.prepare(`INSERT OR IGNORE INTO "${prefix}project_holders" (organisation_id, project_id) VALUES (?, ?)`),
  select: db.prepare<[string], { state: string }>(`SELECT state FROM "${prefix}projects" WHERE id = ?`),
  upsert: db.prepare(`INSERT INTO "${prefix}projects" (id, program, status, title, region, departement, academie, cts, holder_id, declarant,
      requested_cents, granted_cents, declared_at, updated_at, revision, position, state)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, title = excluded.title, requested_cents = excluded.requested_cents,
      granted_cents = excluded.granted_cents, updated_at = excluded.updated_at, revision = excluded.revision,
      position = excluded.position, state = excluded.state, cts = excluded.cts`),
}));

function upsert(upsert: Statement, p: Project, event: RecordedEvent): void {
  const t = p.content.territory;
  upsert.run(
    p.id,
    p.program,
    p.status,
    p.content.title,
    t.region,
    t.departement,
    t.academie ?? null,
    t.cts ?? null,
    p.content.holder.organisationId,
    p.declarant,
    p.content.requestedAmountCents ?? null,
    p.grantedAmountCents ?? null,
    p.declaredAt,
    event.recordedAt.toISOString(),
    Number(event.revision),
    Number(event.position),
    JSON.stringify(p),
  );
}
