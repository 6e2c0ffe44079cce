import type { IntentionDeclaredData } from '#projects';
import { ProjectEventType } from '#projects';
import type { DeadlineOpenedData, TransitionedData } from '#workflow';
import type { Projection } from '../runner/projection.js';
import { projectIdOf, territoryColumns } from '../shared/project-territory.js';
import { stmt } from '../shared/statements.js';

export const WORKLOAD = 'workload';

/** States in which the next move is the validator's (instructeur): the validators' queue. */
export const VALIDATOR_QUEUE = ['submitted', 'under_analysis', 'cts_review'] as const;

/**
 * Validators' workload: every project's current state and since when (data.at of the event that
 * put it there), and the open deadlines with their due dates. Ages are computed at query time.
 */
export const workloadProjection: Projection = {
  name: WORKLOAD,
  version: 1,
  handles: [
    ProjectEventType.IntentionDeclared, ProjectEventType.Transitioned, ProjectEventType.DeadlineOpened,
    ProjectEventType.DeadlineCancelled, ProjectEventType.DeadlineExpired,
  ],
  tables: ['workload_projects', 'workload_deadlines'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}workload_projects" (
        id TEXT PRIMARY KEY, program TEXT NOT NULL, region TEXT NOT NULL, academie TEXT NOT NULL, departement TEXT NOT NULL,
        cts TEXT NOT NULL, status TEXT NOT NULL, since TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS "${prefix}workload_projects_status" ON "${prefix}workload_projects" (status);
      CREATE TABLE IF NOT EXISTS "${prefix}workload_deadlines" (
        deadline_id TEXT PRIMARY KEY, project_id TEXT NOT NULL, name TEXT NOT NULL, due_at TEXT NOT NULL);`);
  },
  apply(db, event, prefix) {
    const id = projectIdOf(event.streamId);
    switch (event.type) {
      case ProjectEventType.IntentionDeclared: {
        const d = event.data as IntentionDeclaredData;
        stmt(db, `INSERT OR REPLACE INTO "${prefix}workload_projects" (id, program, region, academie, departement, cts, status, since)
          VALUES (@id, @program, @region, @academie, @departement, @cts, @status, @since)`)
          .run({ id, ...territoryColumns(d), status: d.state, since: d.at });
        return;
      }
      case ProjectEventType.Transitioned: {
        const t = event.data as TransitionedData;
        if (t.from === t.to) return;
        stmt(db, `UPDATE "${prefix}workload_projects" SET status = ?, since = ? WHERE id = ?`).run(t.to, t.at, id);
        return;
      }
      case ProjectEventType.DeadlineOpened: {
        const d = event.data as DeadlineOpenedData;
        stmt(db, `INSERT OR REPLACE INTO "${prefix}workload_deadlines" (deadline_id, project_id, name, due_at) VALUES (?, ?, ?, ?)`)
          .run(d.deadlineId, id, d.name, d.dueAt);
        return;
      }
      default: {
        const d = event.data as { deadlineId: string };
        stmt(db, `DELETE FROM "${prefix}workload_deadlines" WHERE deadline_id = ?`).run(d.deadlineId);
      }
    }
  },
};
