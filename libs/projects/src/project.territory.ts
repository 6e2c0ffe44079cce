import { invalid } from '#kernel';
import {
  academieOfDepartement,
  findAcademie,
  findDepartement,
  findHealthTerritory,
  findRegion,
  communeDepartement,
  isValidFiness,
  isValidUai,
  normalizeIdentifier,
  regionOfDepartement,
} from '#territories';
import type { Program, Territory } from './project.state.js';

const CODE = 'PROJECT_INVALID_FIELD';

/** Holder: returns the canonical id of a UAI (school) for education, a FINESS number (health body) for health. */
export function checkHolderId(program: Program, v: unknown, field = 'holder.organisationId'): string {
  const id = typeof v === 'string' ? normalizeIdentifier(v) : '';
  if (program === 'education' && !isValidUai(id)) throw invalid(CODE, field, 'valid UAI (school code)');
  if (program === 'health' && !isValidFiness(id)) throw invalid(CODE, field, 'valid FINESS number');
  return id;
}

/**
 * Official codes, consistent with each other (the département lies in the région and the académie,
 * the commune in the département, the CTS covers the département). Returns the territory with canonical codes.
 */
export function checkTerritory(program: Program, t: Record<string, unknown>): Territory {
  const region = typeof t['region'] === 'string' ? findRegion(t['region']) : undefined;
  if (!region) throw invalid(CODE, 'territory.region', 'INSEE région code');
  const departement = typeof t['departement'] === 'string' ? findDepartement(t['departement']) : undefined;
  if (!departement) throw invalid(CODE, 'territory.departement', 'INSEE département code');
  if (regionOfDepartement(departement.code)?.code !== region.code)
    throw invalid(CODE, 'territory.departement', `lies in région ${region.code}`);
  const territory: Territory = { region: region.code, departement: departement.code };
  const commune = t['communeCode'];
  if (commune !== undefined) {
    if (typeof commune !== 'string' || communeDepartement(commune.toUpperCase()) !== departement.code) {
      throw invalid(CODE, 'territory.communeCode', `INSEE commune code in département ${departement.code}`);
    }
    territory.communeCode = commune.toUpperCase();
  }
  if (program === 'education') {
    const academie = typeof t['academie'] === 'string' ? findAcademie(t['academie']) : undefined;
    if (!academie) throw invalid(CODE, 'territory.academie', 'académie code (required for education)');
    if (academieOfDepartement(departement.code)?.code !== academie.code)
      throw invalid(CODE, 'territory.academie', `contains département ${departement.code}`);
    if (t['cts'] !== undefined) throw invalid(CODE, 'territory.cts', 'health only');
    territory.academie = academie.code;
  } else {
    if (t['academie'] !== undefined) throw invalid(CODE, 'territory.academie', 'education only');
    if (t['cts'] !== undefined) {
      const cts = typeof t['cts'] === 'string' ? findHealthTerritory(t['cts']) : undefined;
      if (!cts) throw invalid(CODE, 'territory.cts', 'health territory (CTS) code');
      if (!cts.departements.includes(departement.code)) throw invalid(CODE, 'territory.cts', `covers département ${departement.code}`);
      territory.cts = cts.code;
    }
  }
  return territory;
}
