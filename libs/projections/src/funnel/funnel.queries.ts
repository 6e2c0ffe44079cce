import type { Database } from 'better-sqlite3';
import { territoryLabel } from '#territories';
import { isTerritoryLevel, type TerritoryLevel } from '../shared/project-territory.js';
import { type SchoolLevelRow, schoolLevels } from './funnel.levels.js';
import { FUNNEL_AMOUNTS, FUNNEL_METRICS } from './funnel.metrics.js';

export type FunnelFigures = Record<string, number>;

export interface FunnelTerritoryRow {
  level: TerritoryLevel;
  /** '' for the projects whose territory lacks this level (a health project without a CTS, an education one at the CTS level). */
  code: string;
  label: string;
  /** The région a row lies in (drill-down parent). */
  region: string;
  figures: FunnelFigures;
}

export interface TerritoryFilter {
  program?: string;
  level: TerritoryLevel;
  /** 'region:44' or 'academie:12': only the rows under that territory. */
  parent?: string;
}

const empty = (): FunnelFigures => Object.fromEntries([...FUNNEL_METRICS, ...FUNNEL_AMOUNTS].map((m) => [m, 0]));

const LABEL_KIND = { region: 'region', academie: 'academie', departement: 'departement', cts: 'cts' } as const;

/** The row of the projects without this level, so that a level's rows add up to their parent. */
const UNSPECIFIED: Record<TerritoryLevel, string> = {
  region: 'Région non renseignée',
  academie: 'Académie non renseignée',
  departement: 'Département non renseigné',
  cts: 'Territoire de santé (CTS) non renseigné',
};

export class FunnelQueries {
  constructor(private readonly db: Database) {}

  /** Figures per program (national), optionally within one territory ('region:44'). */
  byProgram(within?: string): Record<string, FunnelFigures> {
    const where = parentClause(within);
    const rows = this.db
      .prepare(`SELECT program, metric, sum(value) AS v FROM funnel_cells ${where.sql} GROUP BY program, metric`)
      .all(...where.params) as { program: string; metric: string; v: number }[];
    const out: Record<string, FunnelFigures> = { education: empty(), health: empty() };
    for (const r of rows) (out[r.program] ??= empty())[r.metric] = r.v;
    return out;
  }

  /** The education figures per school level, optionally within one territory. */
  schoolLevels(within?: string): SchoolLevelRow[] {
    return schoolLevels(this.db, within);
  }

  /** One row per territory of a level (only territories with projects), with the drill-down parent. */
  territories(filter: TerritoryFilter): FunnelTerritoryRow[] {
    const level = filter.level;
    if (!isTerritoryLevel(level)) throw new Error(`unknown territory level ${String(level)}`);
    const where = parentClause(filter.parent, filter.program);
    const rows = this.db
      .prepare(
        `SELECT ${level} AS code, min(region) AS region, metric, sum(value) AS v FROM funnel_cells
      ${where.sql} GROUP BY ${level}, metric ORDER BY ${level} = '', ${level}`,
      )
      .all(...where.params) as { code: string; region: string; metric: string; v: number }[];
    const byCode = new Map<string, FunnelTerritoryRow>();
    for (const r of rows) {
      let row = byCode.get(r.code);
      if (!row) {
        const label = r.code ? (territoryLabel(LABEL_KIND[level], r.code) ?? r.code) : UNSPECIFIED[level];
        row = { level, code: r.code, region: r.region, label, figures: empty() };
        byCode.set(r.code, row);
      }
      row.figures[r.metric] = r.v;
    }
    return [...byCode.values()];
  }
}

function parentClause(parent: string | undefined, program?: string): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (program) {
    parts.push('program = ?');
    params.push(program);
  }
  if (parent) {
    const [level, code] = parent.split(':');
    if (!isTerritoryLevel(level) || !code) throw new Error(`parent must be "<level>:<code>", got ${parent}`);
    parts.push(`${level} = ?`);
    params.push(code);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
