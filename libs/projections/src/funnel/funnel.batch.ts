import type { Database } from 'better-sqlite3';
import type { TerritoryColumns } from '../shared/project-territory.js';
import type { FunnelProjectState } from './funnel.metrics.js';

interface Row extends TerritoryColumns {
  holder: string;
  state: string;
}

/** A project as the batch sees it: its stored cell and principal holder (kept on re-declaration), and its state. */
export interface Kept {
  cell: TerritoryColumns;
  holder: string;
  state: FunnelProjectState;
  /** Changed in this batch: written in flush. */
  dirty: boolean;
}

const SEP = '\u0000';

/** The funnel's projects and cell deltas of one batch, written once per key in `flush`. */
export class FunnelBatch {
  /** Projects read or written in this batch (a miss is kept as null). */
  readonly projects = new Map<string, Kept | null>();
  /** Cell key + metric → summed delta; a key is present once any single move was non-zero (the row then exists). */
  private readonly cells = new Map<string, { cell: TerritoryColumns; metric: string; delta: number }>();
  private readonly select;
  private readonly saveStmt;
  private readonly addStmt;

  constructor(db: Database, prefix: string) {
    this.select = db.prepare<[string], Row>(
      `SELECT program, region, academie, departement, cts, holder, state FROM "${prefix}funnel_projects" WHERE id = ?`,
    );
    this.saveStmt = db.prepare(`INSERT INTO "${prefix}funnel_projects"
      (id, program, region, academie, departement, cts, holder, deposited, validated, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET deposited = excluded.deposited, validated = excluded.validated, state = excluded.state`);
    this.addStmt = db.prepare(`INSERT INTO "${prefix}funnel_cells" (program, region, academie, departement, cts, metric, value)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (program, region, academie, departement, cts, metric) DO UPDATE SET value = value + excluded.value`);
  }

  read(id: string): Kept | undefined {
    let kept = this.projects.get(id);
    if (kept === undefined) {
      const row = this.select.get(id);
      kept = row ? { cell: row, holder: row.holder, state: JSON.parse(row.state) as FunnelProjectState, dirty: false } : null;
      this.projects.set(id, kept);
    }
    return kept ?? undefined;
  }

  move(cell: TerritoryColumns, before: Record<string, number>, after: Record<string, number>): void {
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
      const { cell: c, state } = kept;
      const reached = (m: 'deposited' | 'validated') => (state.milestones.includes(m) ? 1 : 0);
      const columns = [c.program, c.region, c.academie, c.departement, c.cts, kept.holder, reached('deposited'), reached('validated')];
      this.saveStmt.run(id, ...columns, JSON.stringify(state));
    }
    for (const { cell: c, metric, delta } of cells) this.addStmt.run(c.program, c.region, c.academie, c.departement, c.cts, metric, delta);
  }

  clear(): void {
    this.projects.clear();
    this.cells.clear();
  }
}
