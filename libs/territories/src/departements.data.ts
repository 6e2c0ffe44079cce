import { ACADEMIES } from './academies.data.js';
import { officialDepartements } from './official-divisions.js';

/** A département: INSEE code, name, région (INSEE code) and académie (Éducation nationale number). */
export interface Departement {
  code: string;
  name: string;
  regionCode: string;
  academieCode: string;
}

/**
 * The 101 départements from the official divisions ('01'…'95' without '20', '2A', '2B', '971'…'974', '976'). Their
 * académie is not in the divisions: it comes from the académies' lists (academies.data.ts).
 */
export const DEPARTEMENTS: readonly Departement[] = officialDepartements().map((d) => {
  const academie = ACADEMIES.find((a) => a.departements.includes(d.code));
  if (!academie) throw new Error(`no académie lists département ${d.code} (${d.nom}): academies.data.ts is out of date`);
  return { code: d.code, name: d.nom, regionCode: d.region, academieCode: academie.code };
});
