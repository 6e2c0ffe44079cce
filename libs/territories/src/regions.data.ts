/** A région (INSEE code, COG 2016 onwards) and the agence régionale de santé (ARS) that covers it. */
export interface Region {
  code: string;
  name: string;
  /** Usual name of the region's ARS (one ARS per région). */
  arsName: string;
  overseas: boolean;
}

/** The 18 régions: 13 in metropolitan France (Corse included), 5 overseas (each also a single département). */
export const REGIONS: readonly Region[] = [
  { code: '01', name: 'Guadeloupe', arsName: 'ARS Guadeloupe, Saint-Martin et Saint-Barthélemy', overseas: true },
  { code: '02', name: 'Martinique', arsName: 'ARS Martinique', overseas: true },
  { code: '03', name: 'Guyane', arsName: 'ARS Guyane', overseas: true },
  { code: '04', name: 'La Réunion', arsName: 'ARS La Réunion', overseas: true },
  { code: '06', name: 'Mayotte', arsName: 'ARS Mayotte', overseas: true },
  { code: '11', name: 'Île-de-France', arsName: 'ARS Île-de-France', overseas: false },
  { code: '24', name: 'Centre-Val de Loire', arsName: 'ARS Centre-Val de Loire', overseas: false },
  { code: '27', name: 'Bourgogne-Franche-Comté', arsName: 'ARS Bourgogne-Franche-Comté', overseas: false },
  { code: '28', name: 'Normandie', arsName: 'ARS Normandie', overseas: false },
  { code: '32', name: 'Hauts-de-France', arsName: 'ARS Hauts-de-France', overseas: false },
  { code: '44', name: 'Grand Est', arsName: 'ARS Grand Est', overseas: false },
  { code: '52', name: 'Pays de la Loire', arsName: 'ARS Pays de la Loire', overseas: false },
  { code: '53', name: 'Bretagne', arsName: 'ARS Bretagne', overseas: false },
  { code: '75', name: 'Nouvelle-Aquitaine', arsName: 'ARS Nouvelle-Aquitaine', overseas: false },
  { code: '76', name: 'Occitanie', arsName: 'ARS Occitanie', overseas: false },
  { code: '84', name: 'Auvergne-Rhône-Alpes', arsName: 'ARS Auvergne-Rhône-Alpes', overseas: false },
  { code: '93', name: "Provence-Alpes-Côte d'Azur", arsName: "ARS Provence-Alpes-Côte d'Azur", overseas: false },
  { code: '94', name: 'Corse', arsName: 'ARS Corse', overseas: false },
];
