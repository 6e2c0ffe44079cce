import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { evolveProject, initialProjectState, type Project, ProjectEventType, type ProjectState } from '#projects';
import type { Projection } from '../runner/projection.js';
import { stmt } from '../shared/statements.js';

export const PROJECT_LIST = 'projects';

/**
 * One row per project: the folded state (the domain's own evolve) plus the columns searched on.
 * Also gives `GET /projects/:id` its state, revision and position for read-your-writes.
 */
export const projectListProjection: Projection = {
  name: PROJECT_LIST,
  version: 1,
  handles: Object.values(ProjectEventType),
  tables: ['projects'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}projects" (
      id TEXT PRIMARY KEY, program TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL,
      region TEXT NOT NULL, departement TEXT NOT NULL, academie TEXT, cts TEXT,
      holder_id TEXT NOT NULL, declarant TEXT NOT NULL, requested_cents INTEGER, granted_cents INTEGER,
      declared_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL,
      state TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS "${prefix}projects_status" ON "${prefix}projects" (program, status);
      CREATE INDEX IF NOT EXISTS "${prefix}projects_updated" ON "${prefix}projects" (updated_at DESC);`);
  },
  // A project's events mostly sit together in the log: fold them in memory, write one row per batch.
  apply(db, event, prefix) {
    const id = event.streamId.replace(/^project-/, '');
    const pending = pendingOf(db, prefix);
    const kept = pending.get(id);
    let before: ProjectState = kept?.project ?? initialProjectState();
    if (!kept) {
      const row = stmt(db, `SELECT state FROM "${prefix}projects" WHERE id = ?`).get(id) as { state: string } | undefined;
      if (row) before = JSON.parse(row.state) as Project;
    }
    const after = evolveProject(before, { type: event.type, data: event.data } as Parameters<typeof evolveProject>[1]);
    if (!after.exists) return;
    pending.set(id, { project: after, event });
  },
  endBatch(db, prefix) {
    const pending = pendingOf(db, prefix);
    for (const { project, event } of pending.values()) upsert(db, prefix, project, event);
    pending.clear();
  },
  abortBatch(db, prefix) {
    pendingOf(db, prefix).clear();
  },
};

const pendingByDb = new WeakMap<Database, Map<string, Map<string, { project: Project; event: RecordedEvent }>>>();

function pendingOf(db: Database, prefix: string): Map<string, { project: Project; event: RecordedEvent }> {
  let byPrefix = pendingByDb.get(db);
  if (!byPrefix) pendingByDb.set(db, (byPrefix = new Map()));
  let pending = byPrefix.get(prefix);
  if (!pending) byPrefix.set(prefix, (pending = new Map()));
  return pending;
}

function upsert(db: Database, prefix: string, p: Project, event: RecordedEvent): void {
  const t = p.content.territory;
  stmt(db, `INSERT INTO "${prefix}projects" (id, program, status, title, region, departement, academie, cts, holder_id, declarant,
      requested_cents, granted_cents, declared_at, updated_at, revision, position, state)
    VALUES (@id, @program, @status, @title, @region, @departement, @academie, @cts, @holder, @declarant,
      @requested, @granted, @declaredAt, @updatedAt, @revision, @position, @state)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, title = excluded.title, requested_cents = excluded.requested_cents,
      granted_cents = excluded.granted_cents, updated_at = excluded.updated_at, revision = excluded.revision,
      position = excluded.position, state = excluded.state, cts = excluded.cts`).run({
    id: p.id, program: p.program, status: p.status, title: p.content.title, region: t.region, departement: t.departement,
    academie: t.academie ?? null, cts: t.cts ?? null, holder: p.content.holder.organisationId, declarant: p.declarant,
    requested: p.content.requestedAmountCents ?? null, granted: p.grantedAmountCents ?? null, declaredAt: p.declaredAt,
    updatedAt: event.recordedAt.toISOString(), revision: Number(event.revision), position: Number(event.position),
    state: JSON.stringify(p),
  });
}
