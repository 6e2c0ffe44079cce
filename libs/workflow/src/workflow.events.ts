import type { DomainEvent } from '#kernel';
import type { Role } from './workflow.definition.js';

/** The event type strings a workflow emits; the subject's module owns them ('project.transitioned'…). */
export interface WorkflowEventTypes {
  transitioned: string;
  deadlineOpened: string;
  deadlineCancelled: string;
  deadlineExpired: string;
}

export interface TransitionedData {
  command: string;
  from: string;
  to: string;
  reason?: string;
  /** The command's own values (granted amount, commitment reference…). */
  inputs?: Record<string, unknown>;
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
  | DomainEvent<string, TransitionedData>
  | DomainEvent<string, DeadlineOpenedData>
  | DomainEvent<string, DeadlineCancelledData>
  | DomainEvent<string, DeadlineExpiredData>;
