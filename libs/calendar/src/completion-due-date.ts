import { type CalendarDay, addDays, dayIn, startOfDayIn } from './calendar-day.js';
import { isWorkingDay } from './public-holidays.js';
import { schoolCalendarKnows, schoolCalendarOf, schoolHolidayOn } from './school-zones.js';
import { type CalendarTerritory, timeZoneOf } from './territory-zone.js';

export interface DueDateRequest {
  openedAt: Date;
  /** Calendar days, counted from the day after the opening day (the opening day itself does not count). */
  days: number;
  territory: CalendarTerritory;
  /** Days inside the académie's school holidays are not counted (education: the holder is a school). */
  suspendDuringSchoolHolidays: boolean;
}

export interface DueDate {
  /** The last day the holder may act, in the territory's own time zone. */
  dueDay: CalendarDay;
  /** When the deadline lapses: local midnight at the end of `dueDay` (the start of the next day, an exact instant). */
  dueAt: Date;
  timeZone: string;
  /** Days not counted because they were school holidays. */
  suspendedDays: number;
  /** Suspension was asked but the académie's calendar (as shipped) does not cover every day counted: those days counted. */
  schoolCalendarUnknown: boolean;
}

/**
 * A completion deadline a school can live with: counted in the territory's zone (never the server's), suspended during
 * the académie's school holidays when asked, and moved off a Saturday, Sunday or public holiday to the next working day.
 */
export function completionDueDate(request: DueDateRequest): DueDate {
  const { territory, days } = request;
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`days must be an integer >= 1, got ${days}`);
  const timeZone = timeZoneOf(territory.departement);
  const calendar = request.suspendDuringSchoolHolidays && territory.academie ? schoolCalendarOf(territory.academie) : undefined;
  let schoolCalendarUnknown = request.suspendDuringSchoolHolidays && !calendar;
  const suspended = (day: CalendarDay): boolean => {
    if (!calendar) return false;
    if (!schoolCalendarKnows(calendar, day)) {
      schoolCalendarUnknown = true;
      return false;
    }
    return schoolHolidayOn(calendar, day) !== undefined;
  };

  let day = dayIn(request.openedAt, timeZone);
  let suspendedDays = 0;
  for (let counted = 0; counted < days;) {
    day = addDays(day, 1);
    if (suspended(day)) suspendedDays++;
    else counted++;
  }
  while (!isWorkingDay(day, territory.departement) || suspended(day)) day = addDays(day, 1);
  return { dueDay: day, dueAt: startOfDayIn(addDays(day, 1), timeZone), timeZone, suspendedDays, schoolCalendarUnknown };
}

/** The reminder's instant: `daysBefore` local days before the lapse (local midnight), or undefined if that is not after `openedAt`. */
export function reminderDate(due: Pick<DueDate, 'dueDay' | 'timeZone'>, daysBefore: number, openedAt: Date): Date | undefined {
  const at = startOfDayIn(addDays(due.dueDay, 1 - daysBefore), due.timeZone);
  return at.getTime() > openedAt.getTime() ? at : undefined;
}
