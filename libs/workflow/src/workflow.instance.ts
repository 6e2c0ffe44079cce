import type { DomainEvent } from '#kernel';
import type {
  DeadlineCancelledData,
  DeadlineExpiredData,
  DeadlineOpenedData,
  DeadlineReminderDueData,
  TransitionFacts,
  WorkflowEventTypes,
} from './workflow.events.js';

export interface OpenDeadline {
  deadlineId: string;
  name: string;
  dueAt: string;
  onExpiry: { command: string; reason: string };
  dueDay?: string;
  remindAt?: string;
  reminded?: boolean;
}

/** Where one subject stands in its workflow: the definition it started under, its state, open deadlines. */
export interface WorkflowInstance {
  definition: { id: string; version: number };
  state: string;
  deadlines: OpenDeadline[];
  /** How many deadlines were ever opened: makes deadline ids unique within the subject. */
  deadlinesOpened: number;
}

export function startInstance(definition: { id: string; version: number }, initialState: string): WorkflowInstance {
  return { definition: { id: definition.id, version: definition.version }, state: initialState, deadlines: [], deadlinesOpened: 0 };
}

/** A transition event moves the instance to the state it records. */
export function transitionInstance(instance: WorkflowInstance, facts: TransitionFacts): WorkflowInstance {
  return { ...instance, state: facts.to };
}

/** Applies the workflow's deadline events; any other event leaves the instance as it is. */
export function evolveInstance(types: WorkflowEventTypes, instance: WorkflowInstance, event: DomainEvent): WorkflowInstance {
  switch (event.type) {
    case types.deadlineOpened: {
      const d = event.data as DeadlineOpenedData;
      return {
        ...instance,
        deadlines: [
          ...instance.deadlines,
          {
            deadlineId: d.deadlineId,
            name: d.name,
            dueAt: d.dueAt,
            onExpiry: { ...d.onExpiry },
            ...(d.dueDay === undefined ? {} : { dueDay: d.dueDay }),
            ...(d.remindAt === undefined ? {} : { remindAt: d.remindAt }),
          },
        ],
        deadlinesOpened: instance.deadlinesOpened + 1,
      };
    }
    case types.deadlineReminderDue: {
      const id = (event.data as DeadlineReminderDueData).deadlineId;
      return { ...instance, deadlines: instance.deadlines.map((x) => (x.deadlineId === id ? { ...x, reminded: true } : x)) };
    }
    case types.deadlineCancelled:
    case types.deadlineExpired: {
      const id = (event.data as DeadlineCancelledData | DeadlineExpiredData).deadlineId;
      return { ...instance, deadlines: instance.deadlines.filter((x) => x.deadlineId !== id) };
    }
    default:
      return instance;
  }
}
