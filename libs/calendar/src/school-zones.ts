import type { CalendarDay } from './calendar-day.js';
import { LOCAL_CALENDARS } from './school-holidays-local.data.js';
import { METROPOLITAN_CALENDARS, type SchoolCalendar, type SchoolHolidayPeriod } from './school-holidays.data.js';

export const SCHOOL_CALENDARS = { ...METROPOLITAN_CALENDARS, ...LOCAL_CALENDARS };
export type SchoolCalendarId = keyof typeof SCHOOL_CALENDARS;

/** Each académie (code as in #territories) → its holiday calendar: zones A, B, C (arrêté national), Corsica's, its own overseas. */
export const ACADEMIE_SCHOOL_CALENDAR: Readonly<Record<string, SchoolCalendarId>> = {
  '03': 'A', // Besançon
  '04': 'A', // Bordeaux
  '06': 'A', // Clermont-Ferrand
  '07': 'A', // Dijon
  '08': 'A', // Grenoble
  '10': 'A', // Lyon
  '13': 'A', // Poitiers
  '22': 'A', // Limoges
  '02': 'B', // Aix-Marseille
  '09': 'B', // Lille
  '12': 'B', // Nancy-Metz
  '14': 'B', // Rennes
  '15': 'B', // Strasbourg
  '17': 'B', // Nantes
  '18': 'B', // Orléans-Tours
  '19': 'B', // Reims
  '20': 'B', // Amiens
  '23': 'B', // Nice
  '70': 'B', // Normandie
  '01': 'C', // Paris
  '11': 'C', // Montpellier
  '16': 'C', // Toulouse
  '24': 'C', // Créteil
  '25': 'C', // Versailles
  '27': 'corse',
  '28': 'reunion',
  '31': 'martinique',
  '32': 'guadeloupe',
  '33': 'guyane',
  '43': 'mayotte',
};

export function schoolCalendarOf(academie: string): SchoolCalendar | undefined {
  const id = ACADEMIE_SCHOOL_CALENDAR[academie];
  return id === undefined ? undefined : SCHOOL_CALENDARS[id];
}

/** The holiday period a day lies in, if any. */
export const schoolHolidayOn = (calendar: SchoolCalendar, day: CalendarDay): SchoolHolidayPeriod | undefined =>
  calendar.periods.find((x) => x.first <= day && day <= x.last);

/** Whether the calendar's data says for sure if this day is a school day or not. */
export const schoolCalendarKnows = (calendar: SchoolCalendar, day: CalendarDay): boolean =>
  calendar.known.some((r) => r.from <= day && day <= r.to);
