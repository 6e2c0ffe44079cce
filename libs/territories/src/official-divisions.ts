import { createRequire } from 'node:module';

/**
 * The official administrative divisions (COG), from Etalab's @etalab/decoupage-administratif: régions, départements
 * and communes with their INSEE codes. The package's own index reads its files relative to the working directory,
 * so the JSON files are required directly. Communes (37,000 entries, 8.6 MB) are loaded on first use only.
 */
const require = createRequire(import.meta.url);

interface OfficialDivision {
  code: string;
  nom: string;
  zone: 'metro' | 'drom' | 'com';
}
export interface OfficialDepartement extends OfficialDivision {
  region: string;
}
export interface OfficialCommune extends OfficialDivision {
  departement: string;
  region: string;
  type: string;
  codesPostaux?: string[];
}

/** France's régions and départements: metropolitan and overseas (DROM); the overseas collectivités (COM) are not. */
const inFrance = <T extends OfficialDivision>(items: T[]): T[] => items.filter((item) => item.zone !== 'com');

export const officialRegions = (): OfficialDivision[] =>
  inFrance(require('@etalab/decoupage-administratif/data/regions.json') as OfficialDivision[]);
export const officialDepartements = (): OfficialDepartement[] =>
  inFrance(require('@etalab/decoupage-administratif/data/departements.json') as OfficialDepartement[]);

let communesByCode: Map<string, OfficialCommune> | undefined;

/** A commune in force by its INSEE code (not an arrondissement, not a former commune). */
export function officialCommune(code: string): OfficialCommune | undefined {
  communesByCode ??= new Map(
    (require('@etalab/decoupage-administratif/data/communes.json') as OfficialCommune[])
      .filter((c) => c.type === 'commune-actuelle')
      .map((c) => [c.code, c]),
  );
  return communesByCode.get(code);
}
