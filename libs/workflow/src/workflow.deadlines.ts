import type { WorkflowDeadlineDef, WorkflowSubject } from './workflow.definition.js';
import type { DeadlineOpenedData } from './workflow.events.js';

const DAY_MS = 86_400_000;

/** When an opened deadline is due, and what the calendar that decided it says; the subject's module brings the calendar. */
export type DeadlineSchedule = Pick<DeadlineOpenedData, 'dueAt'> &
  Partial<Pick<DeadlineOpenedData, 'dueDay' | 'timeZone' | 'remindAt' | 'suspendedDays' | 'schoolCalendarUnknown'>>;

/** Pure: the same opening always gives the same schedule (it is recorded in the opened event, and replays read it there). */
export type ScheduleDeadline = (request: { openedAt: Date; deadline: WorkflowDeadlineDef; subject: WorkflowSubject }) => DeadlineSchedule;

/** Without a calendar: durationDays of 24 hours from the opening, the reminder as many days before. */
export const scheduleInFixedDays: ScheduleDeadline = ({ openedAt, deadline }) => {
  const due = openedAt.getTime() + deadline.durationDays * DAY_MS;
  const remind = deadline.reminderDaysBefore === undefined ? undefined : due - deadline.reminderDaysBefore * DAY_MS;
  return {
    dueAt: new Date(due).toISOString(),
    ...(remind !== undefined && remind > openedAt.getTime() ? { remindAt: new Date(remind).toISOString() } : {}),
  };
};
