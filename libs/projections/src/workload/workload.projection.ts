import type { Database } from 'better-sqlite3';
import { ProjectEventType, TRANSITION_EVENT_TYPES, asProjectEvent } from '#projects';
import type { TransitionFacts } from '#workflow';
import type { Projection } from '../runner/projection.js';
import { perConnection } from '../shared/batch-state.js';
import { projectIdOf, type TerritoryColumns, territoryColumns } from '../shared/project-territory.js';

export const WORKLOAD = 'workload';

/** States in which the next move is the validator's (instructeur): the validators' queue. */
export const VALIDATOR_QUEUE = ['submitted', 'under_analysis', 'cts_review'] as const;

/**
 * Validators' workload: every project's current state and since when (data.at of the event that
 * put it there), and the open deadlines with their due dates. Ages are computed at query time.
 * A batch keeps the last write per project and per deadline in memory and writes it in `endBatch`.
 */
export const workloadProjection: Projection = {
  name: WORKLOAD,
  version: 1,
  handles: [
    ProjectEventType.IntentionDeclared,
    ...TRANSITION_EVENT_TYPES,
    ProjectEventType.DeadlineOpened,
    ProjectEventType.DeadlineCancelled,
    ProjectEventType.DeadlineExpired,
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
    const batch = batchOf(db, prefix);
    const id = projectIdOf(event.streamId);
    const e = asProjectEvent(event);
    switch (e?.type) {
      case undefined:
      case 'project.content_edited':
      case 'project.deadline_reminder_due':
      case 'project.report_formal_notice':
        return;
      case 'project.intention_declared':
        batch.projects.set(id, { full: true, columns: territoryColumns(e.data), status: e.data.state, since: e.data.at });
        return;
      case 'project.deadline_opened':
        batch.deadlines.set(e.data.deadlineId, { projectId: id, name: e.data.name, dueAt: e.data.dueAt });
        return;
      case 'project.deadline_cancelled':
      case 'project.deadline_expired':
        batch.deadlines.set(e.data.deadlineId, null);
        return;
      case 'project.drafting_started':
      case 'project.submitted':
      case 'project.analysis_started':
      case 'project.analysis_completed':
      case 'project.returned_to_instruction':
      case 'project.completion_requested':
      case 'project.resubmitted':
      case 'project.referred_to_cts':
      case 'project.cts_opinion_recorded':
      case 'project.validated':
      case 'project.rejected':
      case 'project.reopened':
      case 'project.withdrawn':
      case 'project.lapsed':
      case 'project.financing_started':
      case 'project.final_report_submitted':
      case 'project.closed':
        return moved(batch, id, e.data);
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  },
  endBatch(db, prefix) {
    batchOf(db, prefix).flush();
  },
  abortBatch(db, prefix) {
    batchOf(db, prefix).clear();
  },
};

/** A project declared in the batch (the whole row, replaced) or only moved on (an update of the stored row, if any). */
type ProjectChange =
  { full: true; columns: TerritoryColumns; status: string; since: string } | { full: false; status: string; since: string };

class WorkloadBatch {
  readonly projects = new Map<string, ProjectChange>();
  /** The last write per deadline: opened (the row) or cancelled/expired (null). */
  readonly deadlines = new Map<string, { projectId: string; name: string; dueAt: string } | null>();
  private readonly replace;
  private readonly update;
  private readonly putDeadline;
  private readonly dropDeadline;

  constructor(db: Database, prefix: string) {
    this.replace =
      db.prepare(`INSERT OR REPLACE INTO "${prefix}workload_projects" (id, program, region, academie, departement, cts, status, since)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.update = db.prepare(`UPDATE "${prefix}workload_projects" SET status = ?, since = ? WHERE id = ?`);
    this.putDeadline = db.prepare(
      `INSERT OR REPLACE INTO "${prefix}workload_deadlines" (deadline_id, project_id, name, due_at) VALUES (?, ?, ?, ?)`,
    );
    this.dropDeadline = db.prepare(`DELETE FROM "${prefix}workload_deadlines" WHERE deadline_id = ?`);
  }

  flush(): void {
    const projects = [...this.projects];
    const deadlines = [...this.deadlines];
    this.clear();
    for (const [id, p] of projects) {
      if (p.full) {
        const c = p.columns;
        this.replace.run(id, c.program, c.region, c.academie, c.departement, c.cts, p.status, p.since);
      } else this.update.run(p.status, p.since, id);
    }
    for (const [deadlineId, d] of deadlines) {
      if (d) this.putDeadline.run(deadlineId, d.projectId, d.name, d.dueAt);
      else this.dropDeadline.run(deadlineId);
    }
  }

  clear(): void {
    this.projects.clear();
    this.deadlines.clear();
  }
}

const batchOf = perConnection((db, prefix) => new WorkloadBatch(db, prefix));

/** A transition that changes the state resets "since" (an opinion recorded in cts_review does not). */
function moved(batch: WorkloadBatch, id: string, t: TransitionFacts): void {
  if (t.from === t.to) return;
  const kept = batch.projects.get(id);
  if (kept) {
    kept.status = t.to;
    kept.since = t.at;
  } else batch.projects.set(id, { full: false, status: t.to, since: t.at });
}
