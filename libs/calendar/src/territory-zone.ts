/** What the calendar needs to know of a territory: its département (time zone, public holidays) and its académie. */
export interface CalendarTerritory {
  departement: string;
  /** Education only: the académie whose school holidays suspend a deadline. */
  academie?: string;
}

const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '976': 'Indian/Mayotte',
};

/** The IANA time zone a territory lives in: its own overseas, Europe/Paris for metropolitan France and Corsica. */
export const timeZoneOf = (departement: string): string => OVERSEAS_TIME_ZONES[departement] ?? 'Europe/Paris';

/** Moselle, Bas-Rhin, Haut-Rhin: the local law keeps Good Friday and 26 December as public holidays (Code du travail, L. 3134-13). */
export const ALSACE_MOSELLE: readonly string[] = ['57', '67', '68'];
