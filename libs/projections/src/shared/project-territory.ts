import type { IntentionDeclaredData } from '#projects';

/** The territory columns every project-keyed read model stores ('' when absent, so they can sit in keys). */
export interface TerritoryColumns {
  program: string;
  region: string;
  academie: string;
  departement: string;
  cts: string;
}

export function territoryColumns(d: IntentionDeclaredData): TerritoryColumns {
  return {
    program: d.program,
    region: d.territory.region,
    academie: d.territory.academie ?? '',
    departement: d.territory.departement,
    cts: d.territory.cts ?? '',
  };
}

export const projectIdOf = (streamId: string): string => streamId.replace(/^project-/, '');

/** Levels of the territory drill-down, and the column each reads. */
export const TERRITORY_LEVELS = ['region', 'academie', 'departement', 'cts'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];
export const isTerritoryLevel = (v: unknown): v is TerritoryLevel => (TERRITORY_LEVELS as readonly unknown[]).includes(v);
