import joursFeries from '@socialgouv/jours-feries';
import { type CalendarDay, addDays, isWeekend } from './calendar-day.js';
import { ALSACE_MOSELLE } from './territory-zone.js';

/**
 * The commemoration of the abolition of slavery, a public holiday in each overseas département on its own date
 * (loi n° 83-550 du 30 juin 1983 ; décret n° 83-1003 du 23 novembre 1983 modifié, which adds Mayotte's 27 April).
 * @socialgouv/jours-feries knows the national days and Alsace-Moselle's only.
 */
export const ABOLITION_OF_SLAVERY: Readonly<Record<string, { month: number; day: number }>> = {
  '971': { month: 5, day: 27 },
  '972': { month: 5, day: 22 },
  '973': { month: 6, day: 10 },
  '974': { month: 12, day: 20 },
  '976': { month: 4, day: 27 },
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The library builds each day as local midnight of the process's zone, and moves Easter by 24-hour steps, which a DST
 * change shifts by an hour. Half a day later is always inside the right day: its local date is the holiday.
 */
const civilDayOf = (d: Date): CalendarDay => {
  const noon = new Date(d.getTime() + 12 * 3_600_000);
  return `${noon.getFullYear()}-${pad(noon.getMonth() + 1)}-${pad(noon.getDate())}`;
};

const cache = new Map<string, ReadonlyMap<CalendarDay, string>>();

/** The public holidays of a year in a département, by day, with their French names. */
export function publicHolidaysOf(year: number, departement: string): ReadonlyMap<CalendarDay, string> {
  const key = `${year}/${departement}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const days = new Map<CalendarDay, string>();
  const alsace = ALSACE_MOSELLE.includes(departement);
  for (const [name, date] of Object.entries(joursFeries(year, { alsace }))) days.set(civilDayOf(date), name);
  const abolition = ABOLITION_OF_SLAVERY[departement];
  if (abolition) days.set(`${year}-${pad(abolition.month)}-${pad(abolition.day)}`, 'Abolition de l’esclavage');
  cache.set(key, days);
  return days;
}

export const publicHolidayOn = (day: CalendarDay, departement: string): string | undefined =>
  publicHolidaysOf(Number(day.slice(0, 4)), departement).get(day);

/** Neither a Saturday, a Sunday nor a public holiday of the département. */
export const isWorkingDay = (day: CalendarDay, departement: string): boolean =>
  !isWeekend(day) && publicHolidayOn(day, departement) === undefined;

/** The day itself when it is a working day, else the next one. */
export function nextWorkingDay(day: CalendarDay, departement: string): CalendarDay {
  let d = day;
  while (!isWorkingDay(d, departement)) d = addDays(d, 1);
  return d;
}
