export { type CalendarDay, addDays, dayIn, isCalendarDay, isWeekend, startOfDayIn, weekdayOf } from './calendar-day.js';
export { type CalendarTerritory, ALSACE_MOSELLE, timeZoneOf } from './territory-zone.js';
export { ABOLITION_OF_SLAVERY, isWorkingDay, nextWorkingDay, publicHolidayOn, publicHolidaysOf } from './public-holidays.js';
export type { SchoolCalendar, SchoolHolidayPeriod } from './school-holidays.data.js';
export {
  ACADEMIE_SCHOOL_CALENDAR,
  SCHOOL_CALENDARS,
  type SchoolCalendarId,
  schoolCalendarKnows,
  schoolCalendarOf,
  schoolHolidayOn,
} from './school-zones.js';
export { type DueDate, type DueDateRequest, completionDueDate, reminderDate } from './completion-due-date.js';
export { type FixedDueDate, fixedDueDate, workingDayReminder } from './fixed-due-date.js';
