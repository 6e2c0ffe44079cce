import type { Database } from 'better-sqlite3';
import { ProjectEventType, TRANSITION_EVENT_TYPES, type IntentionDeclaredData, asProjectEvent } from '#projects';
import type { Projection } from '../runner/projection.js';
import { perConnection } from '../shared/batch-state.js';
import { projectIdOf, territoryColumns } from '../shared/project-territory.js';
import { contribution, type FunnelProjectState, reach } from './funnel.metrics.js';

export const FUNNEL = 'funnel';

interface Cell {
  program: string;
  region: string;
  academie: string;
  departement: string;
  cts: string;
}

interface Row extends Cell {
  state: string;
}

/** A project as the batch sees it: its stored cell (kept on re-declaration, as the upsert does) and its state. */
interface Kept {
  cell: Cell;
  state: FunnelProjectState;
  /** Changed in this batch: written in endBatch. */
  dirty: boolean;
}

/**
 * The funnel by program, territory and status. Counts are kept per cell (program × région ×
 * académie × département × CTS, a few thousand rows at most) and summed up the territory tree at
 * query time; each project row keeps what it contributes, so a transition moves only the difference.
 * Within a batch, projects and cell deltas are kept in memory and written once per key in `endBatch`.
 */
export const funnelProjection: Projection = {
  name: FUNNEL,
  // 2: the money metric is named grantedCents (was granted_cents); a new version rebuilds the cells from the log.
  version: 2,
  handles: [ProjectEventType.IntentionDeclared, ...TRANSITION_EVENT_TYPES],
  tables: ['funnel_projects', 'funnel_cells'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}funnel_projects" (
        id TEXT PRIMARY KEY, program TEXT NOT NULL, region TEXT NOT NULL, academie TEXT NOT NULL,
        departement TEXT NOT NULL, cts TEXT NOT NULL, state TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS "${prefix}funnel_cells" (
        program TEXT NOT NULL, region TEXT NOT NULL, academie TEXT NOT NULL, departement TEXT NOT NULL, cts TEXT NOT NULL,
        metric TEXT NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (program, region, academie, departement, cts, metric));`);
  },
  apply(db, event, prefix) {
    const s = stateOf(db, prefix);
    const id = projectIdOf(event.streamId);
    const e = asProjectEvent(event);
    switch (e?.type) {
      case undefined:
      case 'project.content_edited':
      case 'project.deadline_opened':
      case 'project.deadline_cancelled':
      case 'project.deadline_expired':
      case 'project.deadline_reminder_due':
        return;
      case 'project.intention_declared':
        return declare(s, id, e.data);
      case 'project.validated':
        return move(s, id, e.data.to, e.data.grantedAmountCents);
      case 'project.drafting_started':
      case 'project.submitted':
      case 'project.analysis_started':
      case 'project.completion_requested':
      case 'project.resubmitted':
      case 'project.referred_to_cts':
      case 'project.cts_opinion_recorded':
      case 'project.rejected':
      case 'project.reopened':
      case 'project.withdrawn':
      case 'project.lapsed':
      case 'project.financing_started':
      case 'project.final_report_submitted':
      case 'project.closed':
        return move(s, id, e.data.to);
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  },
  endBatch(db, prefix) {
    stateOf(db, prefix).flush();
  },
  abortBatch(db, prefix) {
    stateOf(db, prefix).clear();
  },
};

function declare(s: FunnelBatch, id: string, d: IntentionDeclaredData): void {
  const cell = territoryColumns(d);
  const state: FunnelProjectState = { status: d.state, milestones: [], grantedCents: 0 };
  const before = s.read(id);
  s.projects.set(id, { cell: before ? before.cell : cell, state, dirty: true });
  s.move(cell, before ? contribution(before.state) : {}, contribution(state));
}

/** A transition to `to`; a validation also sets the granted amount. */
function move(s: FunnelBatch, id: string, to: string, grantedCents?: number): void {
  const found = s.read(id);
  if (!found) return;
  const next: FunnelProjectState = {
    status: to,
    milestones: reach(found.state, to),
    grantedCents: grantedCents ?? found.state.grantedCents,
  };
  const before = found.state;
  found.state = next;
  found.dirty = true;
  s.move(found.cell, contribution(before), contribution(next));
}

const SEP = '\u0000';

class FunnelBatch {
  /** Projects read or written in this batch (a miss is kept as null). */
  readonly projects = new Map<string, Kept | null>();
  /** Cell key + metric → summed delta; a key is present once any single move was non-zero (the row then exists). */
  private readonly cells = new Map<string, { cell: Cell; metric: string; delta: number }>();
  private readonly select;
  private readonly saveStmt;
  private readonly addStmt;

  constructor(db: Database, prefix: string) {
    this.select = db.prepare<[string], Row>(
      `SELECT program, region, academie, departement, cts, state FROM "${prefix}funnel_projects" WHERE id = ?`,
    );
    this.saveStmt = db.prepare(`INSERT INTO "${prefix}funnel_projects" (id, program, region, academie, departement, cts, state)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state`);
    this.addStmt = db.prepare(`INSERT INTO "${prefix}funnel_cells" (program, region, academie, departement, cts, metric, value)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (program, region, academie, departement, cts, metric) DO UPDATE SET value = value + excluded.value`);
  }

  read(id: string): Kept | undefined {
    let kept = this.projects.get(id);
    if (kept === undefined) {
      const row = this.select.get(id);
      kept = row ? { cell: row, state: JSON.parse(row.state) as FunnelProjectState, dirty: false } : null;
      this.projects.set(id, kept);
    }
    return kept ?? undefined;
  }

  move(cell: Cell, before: Record<string, number>, after: Record<string, number>): void {
    const base = `${cell.program}${SEP}${cell.region}${SEP}${cell.academie}${SEP}${cell.departement}${SEP}${cell.cts}${SEP}`;
    for (const metric of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const delta = (after[metric] ?? 0) - (before[metric] ?? 0);
      if (delta === 0) continue;
      const key = base + metric;
      const kept = this.cells.get(key);
      if (kept) kept.delta += delta;
      else this.cells.set(key, { cell, metric, delta });
    }
  }

  flush(): void {
    const projects = [...this.projects];
    const cells = [...this.cells.values()];
    this.clear();
    for (const [id, kept] of projects) {
      if (!kept?.dirty) continue;
      const c = kept.cell;
      this.saveStmt.run(id, c.program, c.region, c.academie, c.departement, c.cts, JSON.stringify(kept.state));
    }
    for (const { cell: c, metric, delta } of cells) this.addStmt.run(c.program, c.region, c.academie, c.departement, c.cts, metric, delta);
  }

  clear(): void {
    this.projects.clear();
    this.cells.clear();
  }
}

const stateOf = perConnection((db, prefix) => new FunnelBatch(db, prefix));
