import type { Decider, DomainEvent } from '#kernel';
import { type DeadlineCancelledData, type DeadlineExpiredData, type DeadlineOpenedData, type DeadlineReminderDueData } from '#workflow';
import { ProjectEventType } from '#projects';

/** A deadline waiting for its due time. */
export interface PendingDeadline {
  deadlineId: string;
  /** The stream that opened it (the timeout command runs there). */
  streamId: string;
  /** The subject (project) id. */
  projectId: string;
  name: string;
  dueAt: string;
  /** When its reminder is due (absent: none), and whether the log already records it. */
  remindAt?: string;
  reminded?: boolean;
}

export interface ScheduleState {
  pending: Readonly<Record<string, PendingDeadline>>;
}

type WithStream<D> = D & { streamId: string };

export type ScheduleEvent =
  | DomainEvent<typeof ProjectEventType.DeadlineOpened, WithStream<DeadlineOpenedData>>
  | DomainEvent<typeof ProjectEventType.DeadlineCancelled, WithStream<DeadlineCancelledData>>
  | DomainEvent<typeof ProjectEventType.DeadlineExpired, WithStream<DeadlineExpiredData>>
  | DomainEvent<typeof ProjectEventType.DeadlineReminderDue, WithStream<DeadlineReminderDueData>>
  /** Decided, never stored: the runner turns them into the timeout command and the reminder command. */
  | DomainEvent<'deadline.due', PendingDeadline>
  | DomainEvent<'deadline.reminder_due', PendingDeadline>;

export interface Tick {
  type: 'tick';
  now: Date;
}

const DEADLINE_TYPES: readonly string[] = [
  ProjectEventType.DeadlineOpened,
  ProjectEventType.DeadlineCancelled,
  ProjectEventType.DeadlineExpired,
  ProjectEventType.DeadlineReminderDue,
];

/** The log's deadline events, with the stream they were recorded in; anything else → undefined. */
export function toScheduleEvent(e: { type: string; data: unknown; streamId: string }): ScheduleEvent | undefined {
  if (!DEADLINE_TYPES.includes(e.type)) return undefined;
  return { type: e.type, data: { ...(e.data as object), streamId: e.streamId } } as ScheduleEvent;
}

/**
 * The scheduler, pure: folds the log's deadline events into the set of pending deadlines;
 * a tick decides which are due (due time ≤ now), earliest first, then the reminders due (not yet recorded, deadline not due).
 */
export const deadlineScheduler: Decider<Tick, ScheduleEvent, ScheduleState> = {
  initialState: () => ({ pending: {} }),

  decide(tick, state) {
    const now = tick.now.getTime();
    const pending = Object.values(state.pending);
    const earliest = (at: (d: PendingDeadline) => number) => (a: PendingDeadline, b: PendingDeadline) =>
      at(a) - at(b) || a.deadlineId.localeCompare(b.deadlineId);
    const due: ScheduleEvent[] = pending
      .filter((d) => Date.parse(d.dueAt) <= now)
      .sort(earliest((d) => Date.parse(d.dueAt)))
      .map((d) => ({ type: 'deadline.due', data: d }));
    const reminders: ScheduleEvent[] = pending
      .filter((d) => d.remindAt !== undefined && !d.reminded && Date.parse(d.remindAt) <= now && now < Date.parse(d.dueAt))
      .sort(earliest((d) => Date.parse(d.remindAt!)))
      .map((d) => ({ type: 'deadline.reminder_due', data: d }));
    return [...due, ...reminders];
  },

  evolve(state, event) {
    switch (event.type) {
      case ProjectEventType.DeadlineOpened: {
        const d = event.data;
        const pending: PendingDeadline = {
          deadlineId: d.deadlineId,
          streamId: d.streamId,
          projectId: d.subjectId,
          name: d.name,
          dueAt: d.dueAt,
          ...(d.remindAt === undefined ? {} : { remindAt: d.remindAt }),
        };
        return { pending: { ...state.pending, [d.deadlineId]: pending } };
      }
      case ProjectEventType.DeadlineReminderDue: {
        const d = state.pending[event.data.deadlineId];
        if (!d || d.reminded) return state;
        return { pending: { ...state.pending, [d.deadlineId]: { ...d, reminded: true } } };
      }
      case ProjectEventType.DeadlineCancelled:
      case ProjectEventType.DeadlineExpired: {
        if (!(event.data.deadlineId in state.pending)) return state;
        const { [event.data.deadlineId]: _gone, ...pending } = state.pending;
        return { pending };
      }
      default:
        return state;
    }
  },
};
