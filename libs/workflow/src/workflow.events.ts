import type { DomainEvent } from '#kernel';
import type { Role } from './workflow.definition.js';

/**
 * The event type strings of a workflow's deadlines; the subject's module owns them ('project.deadline_opened'…).
 * Each transition names its own event type in the definition (`WorkflowTransitionDef.event`).
 */
export interface WorkflowEventTypes {
  deadlineOpened: string;
  deadlineCancelled: string;
  deadlineExpired: string;
  deadlineReminderDue: string;
}

/** What every transition event records; each event type adds the values its command brings (e.g. grantedAmountCents). */
export interface TransitionFacts {
  from: string;
  to: string;
  reason?: string;
  by: { id: string; role: Role };
  at: string;
}

export interface DeadlineOpenedData {
  deadlineId: string;
  name: string;
  subjectId: string;
  openedAt: string;
  dueAt: string;
  onExpiry: { command: string; reason: string };
  /** The last day to act, in `timeZone` (absent from deadlines opened before the calendar: their dueAt stands). */
  dueDay?: string;
  timeZone?: string;
  /** When the reminder is due (absent: no reminder). */
  remindAt?: string;
  /** Days not counted because they were school holidays. */
  suspendedDays?: number;
  /** Suspension was asked but the school calendar did not cover every day counted (they were counted). */
  schoolCalendarUnknown?: boolean;
}

/** The holder is reminded that the deadline lapses soon (once per deadline). */
export interface DeadlineReminderDueData {
  deadlineId: string;
  name: string;
  subjectId: string;
  dueAt: string;
  dueDay?: string;
  at: string;
}

export interface DeadlineCancelledData {
  deadlineId: string;
  name: string;
  subjectId: string;
  cancelledBy: string;
  at: string;
}

export interface DeadlineExpiredData {
  deadlineId: string;
  name: string;
  subjectId: string;
  dueAt: string;
  at: string;
}

export type WorkflowEvent =
  | DomainEvent<string, TransitionFacts>
  | DomainEvent<string, DeadlineOpenedData>
  | DomainEvent<string, DeadlineCancelledData>
  | DomainEvent<string, DeadlineExpiredData>
  | DomainEvent<string, DeadlineReminderDueData>;

/** The stable error codes a workflow's refusals carry, written out as literals by the subject's module (grep finds them there). */
export interface WorkflowErrorCodes {
  notOwner: string;
  outOfTerritory: string;
  fieldRequired: string;
  guardFailed: string;
  unknownCommand: string;
  roleNotAllowed: string;
  illegalTransition: string;
  reasonRequired: string;
  invalidReason: string;
  inputRequired: string;
  deadlineNotDue: string;
}
