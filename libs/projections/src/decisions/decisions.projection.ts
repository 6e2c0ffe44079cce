import type { Database } from 'better-sqlite3';
import { ProjectEventType, type ProjectTransitionEvent, TRANSITION_EVENTS, asProjectEvent, commandOf } from '#projects';
import type { Projection } from '../runner/projection.js';
import { perConnection } from '../shared/batch-state.js';
import { projectIdOf, type TerritoryColumns, territoryColumns } from '../shared/project-territory.js';

export const DECISIONS = 'decisions';

/** The commands that are decisions on a dossier (validators', and the system's classement sans suite). */
export const DECISION_COMMANDS = ['validate', 'reject', 'return_to_instruction', 'request_completion', 'reopen', 'lapse'] as const;
const DECISION_EVENTS = DECISION_COMMANDS.map((c) => TRANSITION_EVENTS[c]);

/**
 * Every decision with its motivation and author, and the few project fields shown beside it.
 * A batch keeps its writes in memory (the last one per project) and writes them in `endBatch`.
 */
export const decisionsProjection: Projection = {
  name: DECISIONS,
  version: 2,
  handles: [ProjectEventType.IntentionDeclared, ProjectEventType.ContentEdited, ...DECISION_EVENTS],
  tables: ['decision_projects', 'decisions'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}decision_projects" (
        id TEXT PRIMARY KEY, program TEXT NOT NULL, title TEXT NOT NULL, region TEXT NOT NULL, academie TEXT NOT NULL,
        departement TEXT NOT NULL, cts TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS "${prefix}decisions" (
        position INTEGER PRIMARY KEY, project_id TEXT NOT NULL, command TEXT NOT NULL, from_state TEXT NOT NULL,
        to_state TEXT NOT NULL, reason TEXT, by_id TEXT NOT NULL, by_role TEXT NOT NULL, at TEXT NOT NULL, granted_cents INTEGER,
        capacity TEXT, delegation_id TEXT, session_id TEXT, departure_reason TEXT);
      CREATE INDEX IF NOT EXISTS "${prefix}decisions_delegation" ON "${prefix}decisions" (delegation_id) WHERE delegation_id IS NOT NULL;`);
  },
  apply(db, event, prefix) {
    const batch = batchOf(db, prefix);
    const id = projectIdOf(event.streamId);
    const e = asProjectEvent(event);
    const decided = (t: ProjectTransitionEvent, granted: number | null = null) => {
      const { from, to, reason, by, at } = t.data;
      const s = 'signature' in t.data ? t.data.signature : undefined;
      const signed = [s?.capacity ?? null, s?.delegationId ?? null, s?.proposal?.sessionId ?? null, s?.departureReason ?? null] as const;
      batch.decisions.push([Number(event.position), id, commandOf(t), from, to, reason ?? null, by.id, by.role, at, granted, ...signed]);
    };
    switch (e?.type) {
      case 'project.intention_declared':
        batch.projects.set(id, { columns: territoryColumns(e.data), title: e.data.title });
        return;
      case 'project.content_edited': {
        const title = e.data.changes.title;
        if (title === undefined) return;
        const kept = batch.projects.get(id);
        if (kept) kept.title = title;
        else batch.projects.set(id, { title });
        return;
      }
      case 'project.validated':
        return decided(e, e.data.grantedAmountCents);
      case 'project.rejected':
      case 'project.returned_to_instruction':
      case 'project.completion_requested':
      case 'project.reopened':
      case 'project.lapsed':
        return decided(e);
      case undefined:
      case 'project.drafting_started':
      case 'project.submitted':
      case 'project.analysis_started':
      case 'project.analysis_completed':
      case 'project.resubmitted':
      case 'project.referred_to_cts':
      case 'project.cts_opinion_recorded':
      case 'project.withdrawn':
      case 'project.financing_started':
      case 'project.final_report_submitted':
      case 'project.closed':
      case 'project.deadline_opened':
      case 'project.deadline_cancelled':
      case 'project.deadline_expired':
      case 'project.deadline_reminder_due':
      case 'project.report_formal_notice':
        return;
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

type Nullable = string | null;
type DecisionValues = [number, string, string, string, string, Nullable, string, string, string, number | null, ...Nullable[]];

class DecisionsBatch {
  /** With `columns`: declared in this batch (the row, replaced); without: a title change to the stored row, if any. */
  readonly projects = new Map<string, { columns?: TerritoryColumns; title: string }>();
  decisions: DecisionValues[] = [];
  private readonly replace;
  private readonly retitle;
  private readonly decide;

  constructor(db: Database, prefix: string) {
    this.replace = db.prepare(`INSERT OR REPLACE INTO "${prefix}decision_projects" (id, program, title, region, academie, departement, cts)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.retitle = db.prepare(`UPDATE "${prefix}decision_projects" SET title = ? WHERE id = ?`);
    this.decide = db.prepare(`INSERT OR REPLACE INTO "${prefix}decisions"
      (position, project_id, command, from_state, to_state, reason, by_id, by_role, at, granted_cents,
        capacity, delegation_id, session_id, departure_reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  flush(): void {
    const projects = [...this.projects];
    const decisions = this.decisions;
    this.clear();
    for (const [id, { columns: c, title }] of projects) {
      if (c) this.replace.run(id, c.program, title, c.region, c.academie, c.departement, c.cts);
      else this.retitle.run(title, id);
    }
    for (const d of decisions) this.decide.run(...d);
  }

  clear(): void {
    this.projects.clear();
    this.decisions = [];
  }
}

const batchOf = perConnection((db, prefix) => new DecisionsBatch(db, prefix));
