import { invalid } from '#kernel';
import { isTerritoryLevel, type TerritoryLevel } from '#projections';

const PROGRAMS = ['education', 'health'];

/** The query-string filters the dashboard figures share; an empty value means the filter is absent. */
export function territoryLevelOf(v: string | undefined, fallback: TerritoryLevel): TerritoryLevel {
  if (v === undefined || v === '') return fallback;
  if (!isTerritoryLevel(v)) throw invalid('DASHBOARD_INVALID_QUERY', 'level', 'region | academie | departement | cts');
  return v;
}

export function programOf(v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!PROGRAMS.includes(v)) throw invalid('DASHBOARD_INVALID_QUERY', 'program', 'education | health');
  return v;
}

/** A territory to narrow to, `<level>:<code>`. */
export function parentTerritoryOf(v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  const [l, code] = v.split(':');
  if (!isTerritoryLevel(l) || !code || !/^[0-9A-Za-z-]{1,16}$/.test(code))
    throw invalid('DASHBOARD_INVALID_QUERY', 'parent', '<level>:<code>, e.g. region:44');
  return v;
}
