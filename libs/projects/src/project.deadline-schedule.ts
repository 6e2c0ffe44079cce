import { completionDueDate, reminderDate } from '#calendar';
import type { ScheduleDeadline } from '#workflow';

/**
 * A project's deadlines on the calendar of its territory: counted in its time zone, suspended during its académie's
 * school holidays when the deadline says so, moved to a working day; the opened event records all of it.
 */
export const scheduleOnTheCalendar: ScheduleDeadline = ({ openedAt, deadline, subject }) => {
  const departement = subject.territory['departement'] ?? '';
  const academie = subject.territory['academie'];
  const suspend = deadline.suspendDuringSchoolHolidays === true;
  const due = completionDueDate({
    openedAt,
    days: deadline.durationDays,
    territory: { departement, ...(academie ? { academie } : {}) },
    suspendDuringSchoolHolidays: suspend,
  });
  const remindAt = deadline.reminderDaysBefore === undefined ? undefined : reminderDate(due, deadline.reminderDaysBefore, openedAt);
  return {
    dueAt: due.dueAt.toISOString(),
    dueDay: due.dueDay,
    timeZone: due.timeZone,
    ...(remindAt ? { remindAt: remindAt.toISOString() } : {}),
    ...(suspend ? { suspendedDays: due.suspendedDays, schoolCalendarUnknown: due.schoolCalendarUnknown } : {}),
  };
};
