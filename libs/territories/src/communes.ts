import { officialCommune } from './official-divisions.js';

/** A commune in force (official divisions): INSEE code, name, département and région, postal codes. */
export interface Commune {
  code: string;
  name: string;
  departementCode: string;
  regionCode: string;
  postalCodes: readonly string[];
}

/** The commune of an INSEE code ('60057' → Beauvais, Oise), or undefined for a code that names none in force. */
export function findCommune(code: string): Commune | undefined {
  const c = officialCommune(code);
  return c && { code: c.code, name: c.nom, departementCode: c.departement, regionCode: c.region, postalCodes: c.codesPostaux ?? [] };
}

/**
 * Whether a commune exists and lies in the département given: a holder's "Beauvais (80)" is refused, Beauvais
 * (60057) being in the Oise (60), not the Somme.
 */
export function communeLiesIn(communeCode: string, departementCode: string): boolean {
  return findCommune(communeCode)?.departementCode === departementCode;
}
