import { ACADEMIES, type Academie } from './academies.data.js';
import { DEPARTEMENTS, type Departement } from './departements.data.js';
import { HEALTH_TERRITORIES, type HealthTerritory } from './health-territories.data.js';
import { REGIONS, type Region } from './regions.data.js';

export type TerritoryKind = 'region' | 'ars' | 'departement' | 'academie' | 'cts';
export const TERRITORY_KINDS: readonly TerritoryKind[] = ['region', 'ars', 'departement', 'academie', 'cts'];

/** Codes are compared trimmed and upper-cased: '2a' finds Corse-du-Sud, 'cts-44-55' finds CTS Meuse. */
const normalize = (code: string): string =>
  String(code ?? '')
    .trim()
    .toUpperCase();

function indexBy<T extends { code: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.code, item]));
}

const regionsByCode = indexBy(REGIONS);
const departementsByCode = indexBy(DEPARTEMENTS);
const academiesByCode = indexBy(ACADEMIES);
const healthTerritoriesByCode = indexBy(HEALTH_TERRITORIES);

export function findRegion(code: string): Region | undefined {
  return regionsByCode.get(normalize(code));
}

export function findDepartement(code: string): Departement | undefined {
  return departementsByCode.get(normalize(code));
}

export function findAcademie(code: string): Academie | undefined {
  return academiesByCode.get(normalize(code));
}

export function findHealthTerritory(code: string): HealthTerritory | undefined {
  return healthTerritoriesByCode.get(normalize(code));
}

export function regionOfDepartement(departementCode: string): Region | undefined {
  const departement = findDepartement(departementCode);
  return departement && findRegion(departement.regionCode);
}

export function academieOfDepartement(departementCode: string): Academie | undefined {
  const departement = findDepartement(departementCode);
  return departement && findAcademie(departement.academieCode);
}

/** The départements of an académie, in code order; empty for an unknown académie. */
export function departementsOfAcademie(academieCode: string): Departement[] {
  const code = normalize(academieCode);
  return DEPARTEMENTS.filter((d) => d.academieCode === code);
}

export function departementsOfRegion(regionCode: string): Departement[] {
  const code = normalize(regionCode);
  return DEPARTEMENTS.filter((d) => d.regionCode === code);
}

/** The académies of a région académique. */
export function academiesOfRegion(regionCode: string): Academie[] {
  const code = normalize(regionCode);
  return ACADEMIES.filter((a) => a.regionCode === code);
}

export function healthTerritoriesOfRegion(regionCode: string): HealthTerritory[] {
  const code = normalize(regionCode);
  return HEALTH_TERRITORIES.filter((t) => t.regionCode === code);
}

/** The health territories covering (all or part of) a département: two for Nord. */
export function healthTerritoriesOfDepartement(departementCode: string): HealthTerritory[] {
  const code = normalize(departementCode);
  return HEALTH_TERRITORIES.filter((t) => t.departements.includes(code));
}

/**
 * The French label of a territory, or undefined when the code is unknown:
 * 'region' → "Région Grand Est", 'ars' (région code) → "ARS Grand Est",
 * 'departement' → "Meuse (55)", 'academie' → "Académie de Lille", 'cts' → "CTS Meuse".
 */
export function territoryLabel(kind: TerritoryKind, code: string): string | undefined {
  switch (kind) {
    case 'region': {
      const region = findRegion(code);
      return region && `Région ${region.name}`;
    }
    case 'ars':
      return findRegion(code)?.arsName;
    case 'departement': {
      const departement = findDepartement(code);
      return departement && `${departement.name} (${departement.code})`;
    }
    case 'academie':
      return findAcademie(code)?.label;
    case 'cts': {
      const territory = findHealthTerritory(code);
      return territory && `CTS ${territory.name}`;
    }
    default:
      return undefined;
  }
}
