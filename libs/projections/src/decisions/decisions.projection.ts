import { type ContentEditedData, type IntentionDeclaredData, ProjectEventType } from '#projects';
import type { TransitionedData } from '#workflow';
import type { Projection } from '../runner/projection.js';
import { projectIdOf, territoryColumns } from '../shared/project-territory.js';
import { stmt } from '../shared/statements.js';

export const DECISIONS = 'decisions';

/** The commands that are decisions on a dossier (validators', and the system's classement sans suite). */
export const DECISION_COMMANDS = ['validate', 'reject', 'request_completion', 'reopen', 'lapse'] as const;
const IS_DECISION: ReadonlySet<string> = new Set(DECISION_COMMANDS);

/** Every decision with its motivation and author, and the few project fields shown beside it. */
export const decisionsProjection: Projection = {
  name: DECISIONS,
  version: 1,
  handles: [ProjectEventType.IntentionDeclared, ProjectEventType.ContentEdited, ProjectEventType.Transitioned],
  tables: ['decision_projects', 'decisions'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}decision_projects" (
        id TEXT PRIMARY KEY, program TEXT NOT NULL, title TEXT NOT NULL, region TEXT NOT NULL, academie TEXT NOT NULL,
        departement TEXT NOT NULL, cts TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS "${prefix}decisions" (
        position INTEGER PRIMARY KEY, project_id TEXT NOT NULL, command TEXT NOT NULL, from_state TEXT NOT NULL,
        to_state TEXT NOT NULL, reason TEXT, by_id TEXT NOT NULL, by_role TEXT NOT NULL, at TEXT NOT NULL, granted_cents INTEGER);`);
  },
  apply(db, event, prefix) {
    const id = projectIdOf(event.streamId);
    if (event.type === ProjectEventType.IntentionDeclared) {
      const d = event.data as IntentionDeclaredData;
      stmt(db, `INSERT OR REPLACE INTO "${prefix}decision_projects" (id, program, title, region, academie, departement, cts)
        VALUES (@id, @program, @title, @region, @academie, @departement, @cts)`).run({ id, title: d.title, ...territoryColumns(d) });
    } else if (event.type === ProjectEventType.ContentEdited) {
      const title = (event.data as ContentEditedData).changes.title;
      if (title !== undefined) stmt(db, `UPDATE "${prefix}decision_projects" SET title = ? WHERE id = ?`).run(title, id);
    } else {
      const t = event.data as TransitionedData;
      if (!IS_DECISION.has(t.command)) return;
      const granted = t.command === 'validate' ? Number(t.inputs?.['grantedAmountCents'] ?? 0) : null;
      stmt(db, `INSERT OR REPLACE INTO "${prefix}decisions" (position, project_id, command, from_state, to_state, reason, by_id, by_role, at, granted_cents)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(Number(event.position), id, t.command, t.from, t.to, t.reason ?? null, t.by.id, t.by.role, t.at, granted);
    }
  },
};
