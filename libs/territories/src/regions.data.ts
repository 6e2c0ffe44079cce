import { officialRegions } from './official-divisions.js';

/** A région (INSEE code, COG 2016 onwards) and the agence régionale de santé (ARS) that covers it. */
export interface Region {
  code: string;
  name: string;
  /** Usual name of the region's ARS (one ARS per région). */
  arsName: string;
  overseas: boolean;
}

/** The name each ARS uses for itself (ars.sante.fr): the only part of a région not in the official divisions. */
const ARS_NAMES: Readonly<Record<string, string>> = {
  '01': 'ARS Guadeloupe, Saint-Martin et Saint-Barthélemy',
  '02': 'ARS Martinique',
  '03': 'ARS Guyane',
  '04': 'ARS La Réunion',
  '06': 'ARS Mayotte',
  '11': 'ARS Île-de-France',
  '24': 'ARS Centre-Val de Loire',
  '27': 'ARS Bourgogne-Franche-Comté',
  '28': 'ARS Normandie',
  '32': 'ARS Hauts-de-France',
  '44': 'ARS Grand Est',
  '52': 'ARS Pays de la Loire',
  '53': 'ARS Bretagne',
  '75': 'ARS Nouvelle-Aquitaine',
  '76': 'ARS Occitanie',
  '84': 'ARS Auvergne-Rhône-Alpes',
  '93': "ARS Provence-Alpes-Côte d'Azur",
  '94': 'ARS Corse',
};

/** The 18 régions from the official divisions: 13 in metropolitan France (Corse included), 5 overseas (DROM). */
export const REGIONS: readonly Region[] = officialRegions().map((r) => ({
  code: r.code,
  name: r.nom,
  arsName: ARS_NAMES[r.code] ?? `ARS ${r.nom}`,
  overseas: r.zone === 'drom',
}));
