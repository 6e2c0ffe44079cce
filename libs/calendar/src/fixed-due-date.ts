import { type CalendarDay, addDays, startOfDayIn } from './calendar-day.js';
import type { DueDate } from './completion-due-date.js';
import { isWorkingDay, nextWorkingDay } from './public-holidays.js';
import { timeZoneOf } from './territory-zone.js';

/** A deadline whose last day is named by a decision (an award act's report due day), not counted from an opening. */
export type FixedDueDate = Omit<DueDate, 'suspendedDays' | 'schoolCalendarUnknown'>;

/**
 * The named day, in the territory's time zone; a Saturday, a Sunday or a public holiday moves to the next working day
 * (as a counted deadline does). It lapses at local midnight at the end of its due day.
 */
export function fixedDueDate(day: CalendarDay, departement: string): FixedDueDate {
  const timeZone = timeZoneOf(departement);
  const dueDay = nextWorkingDay(day, departement);
  return { dueDay, dueAt: startOfDayIn(addDays(dueDay, 1), timeZone), timeZone };
}

/**
 * The reminder of a long deadline: `daysBefore` local days before the lapse, moved back to a working day (the holder is
 * warned on a day someone reads the mail, never later than asked); undefined if that is not after `openedAt`.
 */
export function workingDayReminder(due: FixedDueDate, daysBefore: number, openedAt: Date, departement: string): Date | undefined {
  let day = addDays(due.dueDay, 1 - daysBefore);
  while (!isWorkingDay(day, departement)) day = addDays(day, -1);
  const at = startOfDayIn(day, due.timeZone);
  return at.getTime() > openedAt.getTime() ? at : undefined;
}
