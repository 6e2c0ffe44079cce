import type { Database } from 'better-sqlite3';
import type { OrganisationRegistered } from '#directory';
import type { RecordedEvent } from '#event-store';
import { lazy, perConnection } from '../shared/batch-state.js';
import type { TerritoryColumns } from '../shared/project-territory.js';
import { organisationKey } from './funnel.cell.js';

export const ORGANISATION_REGISTERED = 'organisation.registered';

/**
 * The schools engaged (one row per program and organisation: counted once, in the cell of the first project that engaged
 * it, as holder or co-holder, so that every territory level adds up), and the kind of each registered organisation, by
 * directory id and by official identifier (a project names its holder by UAI). Kinds are joined at query time: an
 * organisation may be registered before or after its projects in the log.
 */
export function setupSchools(db: Database, prefix: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}funnel_schools" (
      program TEXT NOT NULL, organisation_id TEXT NOT NULL, region TEXT NOT NULL, academie TEXT NOT NULL,
      departement TEXT NOT NULL, cts TEXT NOT NULL, PRIMARY KEY (program, organisation_id)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS "${prefix}funnel_organisations" (
      organisation_key TEXT PRIMARY KEY, kind TEXT NOT NULL) WITHOUT ROWID;`);
}

const statementsOf = perConnection((db, prefix) => ({
  engage: lazy(() =>
    db.prepare(`INSERT INTO "${prefix}funnel_schools" (program, organisation_id, region, academie, departement, cts)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (program, organisation_id) DO NOTHING`),
  ),
  kind: lazy(() =>
    db.prepare(`INSERT INTO "${prefix}funnel_organisations" (organisation_key, kind) VALUES (?, ?)
      ON CONFLICT (organisation_key) DO UPDATE SET kind = excluded.kind`),
  ),
}));

/** Records the organisations engaging in `program` for the first time, counted in `cell`; returns how many were new. */
export function engageSchools(db: Database, prefix: string, program: string, ids: readonly string[], cell: TerritoryColumns): number {
  const engage = statementsOf(db, prefix).engage();
  let added = 0;
  for (const id of ids) added += engage.run(program, id, cell.region, cell.academie, cell.departement, cell.cts).changes;
  return added;
}

/** Keeps a registered organisation's kind under its directory id and its official identifier. */
export function registerOrganisation(db: Database, prefix: string, event: RecordedEvent): void {
  const d = event.data as Partial<OrganisationRegistered['data']> | null;
  if (typeof d?.kind !== 'string') return;
  const keys = [d.organisationId, d.identifier?.value].filter((k): k is string => typeof k === 'string' && k.trim() !== '');
  const kind = statementsOf(db, prefix).kind();
  for (const key of new Set(keys.map(organisationKey))) kind.run(key, d.kind);
}
