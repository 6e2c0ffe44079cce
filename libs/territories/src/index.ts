export { REGIONS, type Region } from './regions.data.js';
export { DEPARTEMENTS, type Departement } from './departements.data.js';
export { ACADEMIES, type Academie } from './academies.data.js';
export { HEALTH_TERRITORIES, type HealthTerritory } from './health-territories.data.js';
export {
  TERRITORY_KINDS,
  type TerritoryKind,
  findRegion,
  findDepartement,
  findAcademie,
  findHealthTerritory,
  regionOfDepartement,
  academieOfDepartement,
  departementsOfAcademie,
  departementsOfRegion,
  academiesOfRegion,
  healthTerritoriesOfRegion,
  healthTerritoriesOfDepartement,
  territoryLabel,
} from './territories.js';
export {
  normalizeIdentifier,
  luhnValid,
  uaiDepartement,
  isValidUai,
  finessDepartement,
  isValidFiness,
  isValidCommuneCode,
  communeDepartement,
  isValidSiren,
  isValidSiret,
} from './identifiers.js';
export { type Commune, communeLiesIn, findCommune } from './communes.js';
