import type { Decider, DomainEvent } from '#kernel';
import { type DeadlineCancelledData, type DeadlineExpiredData, type DeadlineOpenedData } from '#workflow';
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
}

export interface ScheduleState {
  pending: Readonly<Record<string, PendingDeadline>>;
}

type WithStream<D> = D & { streamId: string };

export type ScheduleEvent =
  | DomainEvent<typeof ProjectEventType.DeadlineOpened, WithStream<DeadlineOpenedData>>
  | DomainEvent<typeof ProjectEventType.DeadlineCancelled, WithStream<DeadlineCancelledData>>
  | DomainEvent<typeof ProjectEventType.DeadlineExpired, WithStream<DeadlineExpiredData>>
  /** Decided, never stored: the runner turns it into the timeout command. */
  | DomainEvent<'deadline.due', PendingDeadline>;

export interface Tick {
  type: 'tick';
  now: Date;
}

const DEADLINE_TYPES: readonly string[] = [
  ProjectEventType.DeadlineOpened,
  ProjectEventType.DeadlineCancelled,
  ProjectEventType.DeadlineExpired,
];

/** The log's deadline events, with the stream they were recorded in; anything else → undefined. */
export function toScheduleEvent(e: { type: string; data: unknown; streamId: string }): ScheduleEvent | undefined {
  if (!DEADLINE_TYPES.includes(e.type)) return undefined;
  return { type: e.type, data: { ...(e.data as object), streamId: e.streamId } } as ScheduleEvent;
}

/**
 * The scheduler, pure: folds the log's deadline events into the set of pending deadlines;
 * a tick decides which are due (due time ≤ now), earliest first.
 */
export const deadlineScheduler: Decider<Tick, ScheduleEvent, ScheduleState> = {
  initialState: () => ({ pending: {} }),

  decide(tick, state) {
    const now = tick.now.getTime();
    return Object.values(state.pending)
      .filter((d) => Date.parse(d.dueAt) <= now)
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.deadlineId.localeCompare(b.deadlineId))
      .map((d) => ({ type: 'deadline.due', data: d }));
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
        };
        return { pending: { ...state.pending, [d.deadlineId]: pending } };
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
