import type { Database } from 'better-sqlite3';
import { territoryLabel } from '#territories';
import { isTerritoryLevel, type TerritoryLevel } from '../shared/project-territory.js';
import { VALIDATOR_QUEUE } from './workload.projection.js';

export interface WorkloadRow {
  level: TerritoryLevel;
  code: string;
  label: string;
  /** Projects waiting for a validator, by age in the current state. */
  queue: number;
  ages: { under7Days: number; from7To30Days: number; over30Days: number };
  oldestSince: string | null;
  /** Dossiers "à compléter": waiting for the holder, under a deadline. */
  awaitingHolder: number;
  deadlines: { overdue: number; dueWithin7Days: number };
}

const DAY = 86_400_000;
const Q = VALIDATOR_QUEUE.map((s) => `'${s}'`).join(', ');

export class WorkloadQueries {
  constructor(private readonly db: Database) {}

  /** Per territory of `level`; `now` is the caller's clock (read models themselves never read it). */
  byTerritory(level: TerritoryLevel, now: Date, program?: string): WorkloadRow[] {
    if (!isTerritoryLevel(level)) throw new Error(`unknown territory level ${String(level)}`);
    const d7 = new Date(now.getTime() - 7 * DAY).toISOString();
    const d30 = new Date(now.getTime() - 30 * DAY).toISOString();
    const soon = new Date(now.getTime() + 7 * DAY).toISOString();
    const iso = now.toISOString();
    const programClause = program ? 'AND p.program = @program' : '';
    const rows = this.db
      .prepare(
        `SELECT p.${level} AS code,
        sum(p.status IN (${Q})) AS queue,
        sum(p.status IN (${Q}) AND p.since >= @d7) AS under7,
        sum(p.status IN (${Q}) AND p.since < @d7 AND p.since >= @d30) AS from7,
        sum(p.status IN (${Q}) AND p.since < @d30) AS over30,
        min(CASE WHEN p.status IN (${Q}) THEN p.since END) AS oldest,
        sum(p.status = 'completion_requested') AS holder,
        (SELECT count(*) FROM workload_deadlines d JOIN workload_projects x ON x.id = d.project_id
          WHERE x.${level} = p.${level} ${program ? 'AND x.program = @program' : ''} AND d.due_at < @now) AS overdue,
        (SELECT count(*) FROM workload_deadlines d JOIN workload_projects x ON x.id = d.project_id
          WHERE x.${level} = p.${level} ${program ? 'AND x.program = @program' : ''} AND d.due_at >= @now AND d.due_at < @soon) AS soon
      FROM workload_projects p WHERE p.${level} <> '' AND (p.status IN (${Q}, 'completion_requested')) ${programClause}
      GROUP BY p.${level} ORDER BY queue DESC, code`,
      )
      .all({ d7, d30, soon, now: iso, ...(program ? { program } : {}) }) as Record<string, any>[];
    return rows.map((r) => ({
      level,
      code: r['code'],
      label: territoryLabel(level, r['code']) ?? r['code'],
      queue: r['queue'],
      ages: { under7Days: r['under7'], from7To30Days: r['from7'], over30Days: r['over30'] },
      oldestSince: r['oldest'],
      awaitingHolder: r['holder'],
      deadlines: { overdue: r['overdue'], dueWithin7Days: r['soon'] },
    }));
  }
}
