import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { type IntentionDeclaredData, ProjectEventType } from '#projects';
import type { TransitionedData } from '#workflow';
import type { Projection } from '../runner/projection.js';
import { projectIdOf, territoryColumns } from '../shared/project-territory.js';
import { stmt } from '../shared/statements.js';
import { contribution, type FunnelProjectState, reach } from './funnel.metrics.js';

export const FUNNEL = 'funnel';

interface Row {
  program: string; region: string; academie: string; departement: string; cts: string; state: string;
}

/**
 * The funnel by program, territory and status. Counts are kept per cell (program × région ×
 * académie × département × CTS, a few thousand rows at most) and summed up the territory tree at
 * query time; each project row keeps what it contributes, so a transition moves only the difference.
 */
export const funnelProjection: Projection = {
  name: FUNNEL,
  version: 1,
  handles: [ProjectEventType.IntentionDeclared, ProjectEventType.Transitioned],
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
    const id = projectIdOf(event.streamId);
    if (event.type === ProjectEventType.IntentionDeclared) {
      const d = event.data as IntentionDeclaredData;
      const cols = territoryColumns(d);
      const state: FunnelProjectState = { status: d.state, milestones: [], grantedCents: 0 };
      const before = readState(db, prefix, id);
      save(db, prefix, id, { ...cols, state: JSON.stringify(state) });
      move(db, prefix, cols, before ? contribution(before.state) : {}, contribution(state));
      return;
    }
    const found = readState(db, prefix, id);
    if (!found) return;
    const t = event.data as TransitionedData;
    const next: FunnelProjectState = {
      status: t.to,
      milestones: reach(found.state, t.to),
      grantedCents: t.command === 'validate' ? Number(t.inputs?.['grantedAmountCents'] ?? 0) : found.state.grantedCents,
    };
    save(db, prefix, id, { ...found.row, state: JSON.stringify(next) });
    move(db, prefix, found.row, contribution(found.state), contribution(next));
  },
};

function readState(db: Database, prefix: string, id: string): { row: Row; state: FunnelProjectState } | undefined {
  const row = stmt<[string], Row>(db, `SELECT program, region, academie, departement, cts, state FROM "${prefix}funnel_projects" WHERE id = ?`).get(id);
  return row && { row, state: JSON.parse(row.state) as FunnelProjectState };
}

function save(db: Database, prefix: string, id: string, row: Row): void {
  stmt(db, `INSERT INTO "${prefix}funnel_projects" (id, program, region, academie, departement, cts, state)
    VALUES (@id, @program, @region, @academie, @departement, @cts, @state)
    ON CONFLICT (id) DO UPDATE SET state = excluded.state`).run({ id, ...row });
}

function move(db: Database, prefix: string, cell: Omit<Row, 'state'>, before: Record<string, number>, after: Record<string, number>): void {
  const add = stmt(db, `INSERT INTO "${prefix}funnel_cells" (program, region, academie, departement, cts, metric, value)
    VALUES (@program, @region, @academie, @departement, @cts, @metric, @delta)
    ON CONFLICT (program, region, academie, departement, cts, metric) DO UPDATE SET value = value + excluded.value`);
  const { program, region, academie, departement, cts } = cell;
  for (const metric of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[metric] ?? 0) - (before[metric] ?? 0);
    if (delta !== 0) add.run({ program, region, academie, departement, cts, metric, delta });
  }
}
