import type { DomainEvent } from '#kernel';
import type {
  DeadlineCancelledData, DeadlineExpiredData, DeadlineOpenedData, TransitionedData, WorkflowEventTypes,
} from '#workflow';
import type { Attachment, BudgetLine, Holder, Partner, Program, Territory } from './project.state.js';

/** Stable event type strings of the project stream (`project-<id>`). */
export const ProjectEventType = {
  IntentionDeclared: 'project.intention_declared',
  ContentEdited: 'project.content_edited',
  Transitioned: 'project.transitioned',
  DeadlineOpened: 'project.deadline_opened',
  DeadlineCancelled: 'project.deadline_cancelled',
  DeadlineExpired: 'project.deadline_expired',
} as const;

export const PROJECT_WORKFLOW_EVENTS: WorkflowEventTypes = {
  transitioned: ProjectEventType.Transitioned,
  deadlineOpened: ProjectEventType.DeadlineOpened,
  deadlineCancelled: ProjectEventType.DeadlineCancelled,
  deadlineExpired: ProjectEventType.DeadlineExpired,
};

export interface IntentionDeclaredData {
  projectId: string;
  program: Program;
  workflow: { id: string; version: number };
  /** The definition's initial state. */
  state: string;
  declarant: string;
  title: string;
  description: string;
  territory: Territory;
  holder: Holder;
  partners: Partner[];
  at: string;
}

export interface ContentChanges {
  title?: string;
  description?: string;
  partners?: Partner[];
  requestedAmountCents?: number;
  budgetLines?: BudgetLine[];
  attachments?: Attachment[];
}

export interface ContentEditedData {
  changes: ContentChanges;
  by: string;
  at: string;
}

export type IntentionDeclared = DomainEvent<'project.intention_declared', IntentionDeclaredData>;
export type ContentEdited = DomainEvent<'project.content_edited', ContentEditedData>;
export type ProjectTransitioned = DomainEvent<'project.transitioned', TransitionedData>;
export type DeadlineOpened = DomainEvent<'project.deadline_opened', DeadlineOpenedData>;
export type DeadlineCancelled = DomainEvent<'project.deadline_cancelled', DeadlineCancelledData>;
export type DeadlineExpired = DomainEvent<'project.deadline_expired', DeadlineExpiredData>;

export type ProjectEvent = IntentionDeclared | ContentEdited | ProjectTransitioned | DeadlineOpened | DeadlineCancelled | DeadlineExpired;

export const isProjectEvent = (e: DomainEvent): e is ProjectEvent =>
  (Object.values(ProjectEventType) as string[]).includes(e.type);
