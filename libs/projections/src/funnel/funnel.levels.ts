import type { Database } from 'better-sqlite3';
import { type TerritoryLevel, isTerritoryLevel } from '../shared/project-territory.js';

/** School levels of the published breakdown, from the holder organisation's kind in the directory. */
export const SCHOOL_LEVELS = ['ecole', 'college', 'lycee', 'lycee_professionnel', 'other', 'unknown'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, string> = {
  ecole: 'École',
  college: 'Collège',
  lycee: 'Lycée',
  lycee_professionnel: 'Lycée professionnel',
  other: 'Autre établissement (EPLE, association…)',
  unknown: 'Niveau non connu (établissement pas encore enregistré)',
};

export interface SchoolLevelRow {
  level: SchoolLevel;
  label: string;
  /** Schools engaged (distinct UAI, holders and co-holders). */
  intentions: number;
  /** Projects ever deposited, by their principal holder's level. */
  deposited: number;
  /** Projects ever validated, by their principal holder's level. */
  validated: number;
}

const NAMED = SCHOOL_LEVELS.filter((l) => l !== 'other' && l !== 'unknown').map((l) => `'${l}'`);
const LEVEL_OF = `CASE WHEN o.kind IS NULL THEN 'unknown' WHEN o.kind IN (${NAMED.join(', ')}) THEN o.kind ELSE 'other' END`;

/**
 * The education funnel's intentions, deposits and validations per school level, within a territory ('academie:12') or
 * nationally: each level's figures add up to the program's. An organisation not (yet) in the directory is 'unknown'.
 */
export function schoolLevels(db: Database, within?: string): SchoolLevelRow[] {
  const [level, code] = within ? within.split(':') : [];
  if (within && (!isTerritoryLevel(level) || !code)) throw new Error(`within must be "<level>:<code>", got ${within}`);
  const where = (alias: string) => `${alias}.program = 'education'${level ? ` AND ${alias}.${level as TerritoryLevel} = ?` : ''}`;
  const params = code ? [code] : [];
  const schools = db
    .prepare(
      `SELECT ${LEVEL_OF} AS level, count(*) AS n FROM funnel_schools s
      LEFT JOIN funnel_organisations o ON o.organisation_key = s.organisation_id WHERE ${where('s')} GROUP BY 1`,
    )
    .all(...params) as { level: SchoolLevel; n: number }[];
  const projects = db
    .prepare(
      `SELECT ${LEVEL_OF} AS level, sum(p.deposited) AS deposited, sum(p.validated) AS validated FROM funnel_projects p
      LEFT JOIN funnel_organisations o ON o.organisation_key = p.holder WHERE ${where('p')} GROUP BY 1`,
    )
    .all(...params) as { level: SchoolLevel; deposited: number; validated: number }[];
  return SCHOOL_LEVELS.map((l) => ({
    level: l,
    label: SCHOOL_LEVEL_LABELS[l],
    intentions: schools.find((r) => r.level === l)?.n ?? 0,
    deposited: projects.find((r) => r.level === l)?.deposited ?? 0,
    validated: projects.find((r) => r.level === l)?.validated ?? 0,
  }));
}
