/**
 * A territory of health democracy (territoire de démocratie sanitaire), defined by its ARS,
 * each with a conseil territorial de santé (CTS: 50 members, 6 colleges, 5-year mandates).
 * Code: 'CTS-<région>-<département>', plus '-<n>' when a département is split between territories.
 */
export interface HealthTerritory {
  code: string;
  /** Name as the ARS uses it; the label is "CTS <name>". */
  name: string;
  regionCode: string;
  departements: readonly string[];
  /** True when the territory covers only part of its département (Nord is split in two). */
  partOfDepartement: boolean;
}

const whole = (regionCode: string, dep: string, name: string): HealthTerritory => ({
  code: `CTS-${regionCode}-${dep}`,
  name,
  regionCode,
  departements: [dep],
  partOfDepartement: false,
});

/**
 * Grand Est: 10 territories, one per département, defined in September 2022, CTS installed in March 2023
 * (ARS Grand Est brochure). Hauts-de-France: 6 territories, departmental except Nord, split into
 * Métropole-Flandres and Hainaut (CNR territoriaux brochure, map "ARS HdF, Déc. 2016").
 * Other régions are not listed yet.
 */
export const HEALTH_TERRITORIES: readonly HealthTerritory[] = [
  whole('44', '08', 'Ardennes'),
  whole('44', '10', 'Aube'),
  whole('44', '51', 'Marne'),
  whole('44', '52', 'Haute-Marne'),
  whole('44', '54', 'Meurthe-et-Moselle'),
  whole('44', '55', 'Meuse'),
  whole('44', '57', 'Moselle'),
  whole('44', '67', 'Bas-Rhin'),
  whole('44', '68', 'Haut-Rhin'),
  whole('44', '88', 'Vosges'),
  whole('32', '02', 'Aisne'),
  { code: 'CTS-32-59-1', name: 'Métropole-Flandres', regionCode: '32', departements: ['59'], partOfDepartement: true },
  { code: 'CTS-32-59-2', name: 'Hainaut', regionCode: '32', departements: ['59'], partOfDepartement: true },
  whole('32', '60', 'Oise'),
  whole('32', '62', 'Pas-de-Calais'),
  whole('32', '80', 'Somme'),
];
