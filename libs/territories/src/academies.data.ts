/**
 * An académie, numbered as the Éducation nationale does (the number is also the academy part of
 * its services' codes). `regionCode` is its région académique, which has the INSEE code of the région.
 */
export interface Academie {
  code: string;
  name: string;
  /** Official French label, with the right article ("Académie d'Amiens", "Académie de la Guadeloupe"). */
  label: string;
  regionCode: string;
  departements: readonly string[];
}

/**
 * The 30 académies (since Caen '05' and Rouen '21' merged into Normandie '70' on 1 January 2020).
 * Numbers 26 and 29-30 and the old 05/21 are not used any more.
 * The académie de la Guadeloupe also serves Saint-Barthélemy and Saint-Martin (collectivités, not départements).
 */
export const ACADEMIES: readonly Academie[] = [
  { code: '01', name: 'Paris', label: 'Académie de Paris', regionCode: '11', departements: ['75'] },
  { code: '02', name: 'Aix-Marseille', label: "Académie d'Aix-Marseille", regionCode: '93', departements: ['04', '05', '13', '84'] },
  { code: '03', name: 'Besançon', label: 'Académie de Besançon', regionCode: '27', departements: ['25', '39', '70', '90'] },
  { code: '04', name: 'Bordeaux', label: 'Académie de Bordeaux', regionCode: '75', departements: ['24', '33', '40', '47', '64'] },
  { code: '06', name: 'Clermont-Ferrand', label: 'Académie de Clermont-Ferrand', regionCode: '84', departements: ['03', '15', '43', '63'] },
  { code: '07', name: 'Dijon', label: 'Académie de Dijon', regionCode: '27', departements: ['21', '58', '71', '89'] },
  { code: '08', name: 'Grenoble', label: 'Académie de Grenoble', regionCode: '84', departements: ['07', '26', '38', '73', '74'] },
  { code: '09', name: 'Lille', label: 'Académie de Lille', regionCode: '32', departements: ['59', '62'] },
  { code: '10', name: 'Lyon', label: 'Académie de Lyon', regionCode: '84', departements: ['01', '42', '69'] },
  { code: '11', name: 'Montpellier', label: 'Académie de Montpellier', regionCode: '76', departements: ['11', '30', '34', '48', '66'] },
  { code: '12', name: 'Nancy-Metz', label: 'Académie de Nancy-Metz', regionCode: '44', departements: ['54', '55', '57', '88'] },
  { code: '13', name: 'Poitiers', label: 'Académie de Poitiers', regionCode: '75', departements: ['16', '17', '79', '86'] },
  { code: '14', name: 'Rennes', label: 'Académie de Rennes', regionCode: '53', departements: ['22', '29', '35', '56'] },
  { code: '15', name: 'Strasbourg', label: 'Académie de Strasbourg', regionCode: '44', departements: ['67', '68'] },
  {
    code: '16',
    name: 'Toulouse',
    label: 'Académie de Toulouse',
    regionCode: '76',
    departements: ['09', '12', '31', '32', '46', '65', '81', '82'],
  },
  { code: '17', name: 'Nantes', label: 'Académie de Nantes', regionCode: '52', departements: ['44', '49', '53', '72', '85'] },
  {
    code: '18',
    name: 'Orléans-Tours',
    label: "Académie d'Orléans-Tours",
    regionCode: '24',
    departements: ['18', '28', '36', '37', '41', '45'],
  },
  { code: '19', name: 'Reims', label: 'Académie de Reims', regionCode: '44', departements: ['08', '10', '51', '52'] },
  { code: '20', name: 'Amiens', label: "Académie d'Amiens", regionCode: '32', departements: ['02', '60', '80'] },
  { code: '22', name: 'Limoges', label: 'Académie de Limoges', regionCode: '75', departements: ['19', '23', '87'] },
  { code: '23', name: 'Nice', label: 'Académie de Nice', regionCode: '93', departements: ['06', '83'] },
  { code: '24', name: 'Créteil', label: 'Académie de Créteil', regionCode: '11', departements: ['77', '93', '94'] },
  { code: '25', name: 'Versailles', label: 'Académie de Versailles', regionCode: '11', departements: ['78', '91', '92', '95'] },
  { code: '27', name: 'Corse', label: 'Académie de Corse', regionCode: '94', departements: ['2A', '2B'] },
  { code: '28', name: 'La Réunion', label: 'Académie de La Réunion', regionCode: '04', departements: ['974'] },
  { code: '31', name: 'Martinique', label: 'Académie de la Martinique', regionCode: '02', departements: ['972'] },
  { code: '32', name: 'Guadeloupe', label: 'Académie de la Guadeloupe', regionCode: '01', departements: ['971'] },
  { code: '33', name: 'Guyane', label: 'Académie de la Guyane', regionCode: '03', departements: ['973'] },
  { code: '43', name: 'Mayotte', label: 'Académie de Mayotte', regionCode: '06', departements: ['976'] },
  { code: '70', name: 'Normandie', label: 'Académie de Normandie', regionCode: '28', departements: ['14', '27', '50', '61', '76'] },
];
