import type { IntentionDeclaredData } from '#projects';
import { academieOfDepartement } from '#territories';
import { type TerritoryColumns, territoryColumns } from '../shared/project-territory.js';

/**
 * The cell a project is counted in. A health project has no académie of its own: it is counted in the académie its
 * département lies in (a fact of the map, not a guess), so that a région's figures are the sum of its académies for both
 * programs; health users drill région → département → CTS, where a project without a CTS has its own row.
 */
export function funnelCell(d: IntentionDeclaredData): TerritoryColumns {
  const cell = territoryColumns(d);
  if (!cell.academie) cell.academie = academieOfDepartement(cell.departement)?.code ?? '';
  return cell;
}

/** UAI, FINESS and directory ids compared as the project validation writes them (trimmed, upper-cased). */
export const organisationKey = (id: string): string => id.trim().toUpperCase();

/**
 * The organisations a declaration engages: its holder, then its co-holders (multi-school projects). `coHolders` is read
 * defensively: older events have none, and a malformed entry is skipped rather than failing the projection.
 */
export function engagedOrganisations(d: IntentionDeclaredData): string[] {
  const coHolders = (d as { coHolders?: unknown }).coHolders;
  const ids: unknown[] = [d.holder?.organisationId];
  if (Array.isArray(coHolders)) for (const c of coHolders) ids.push((c as { organisationId?: unknown } | null)?.organisationId);
  const keys = ids.filter((id): id is string => typeof id === 'string' && id.trim() !== '').map(organisationKey);
  return [...new Set(keys)];
}
