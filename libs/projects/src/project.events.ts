import type { DomainEvent } from '#kernel';
import type {
  DeadlineCancelledData,
  DeadlineExpiredData,
  DeadlineOpenedData,
  DeadlineReminderDueData,
  TransitionFacts,
  WorkflowErrorCodes,
  WorkflowEventTypes,
} from '#workflow';
import type { DecisionSignature } from './project.signature.js';
import type { Attachment, BudgetLine, FinalReport, Holder, Partner, Program, Territory } from './project.state.js';

/** The business event each workflow command records; the program definitions declare the same pairs (a test checks it). */
export const TRANSITION_EVENTS = {
  start_drafting: 'project.drafting_started',
  submit: 'project.submitted',
  start_analysis: 'project.analysis_started',
  complete_analysis: 'project.analysis_completed',
  request_completion: 'project.completion_requested',
  resubmit: 'project.resubmitted',
  refer_to_cts: 'project.referred_to_cts',
  record_cts_opinion: 'project.cts_opinion_recorded',
  validate: 'project.validated',
  reject: 'project.rejected',
  return_to_instruction: 'project.returned_to_instruction',
  reopen: 'project.reopened',
  withdraw: 'project.withdrawn',
  lapse: 'project.lapsed',
  start_financing: 'project.financing_started',
  submit_final_report: 'project.final_report_submitted',
  close: 'project.closed',
} as const;
export type TransitionCommandName = keyof typeof TRANSITION_EVENTS;
export type TransitionEventType = (typeof TRANSITION_EVENTS)[TransitionCommandName];

/** Stable event type strings of the project stream (`project-<id>`). */
export const ProjectEventType = {
  IntentionDeclared: 'project.intention_declared',
  ContentEdited: 'project.content_edited',
  DeadlineOpened: 'project.deadline_opened',
  DeadlineCancelled: 'project.deadline_cancelled',
  DeadlineExpired: 'project.deadline_expired',
  DeadlineReminderDue: 'project.deadline_reminder_due',
  ReportFormalNotice: 'project.report_formal_notice',
} as const;

export const PROJECT_WORKFLOW_EVENTS: WorkflowEventTypes = {
  deadlineOpened: ProjectEventType.DeadlineOpened,
  deadlineCancelled: ProjectEventType.DeadlineCancelled,
  deadlineExpired: ProjectEventType.DeadlineExpired,
  deadlineReminderDue: ProjectEventType.DeadlineReminderDue,
};

/** The codes of the project workflow's refusals. */
export const PROJECT_WORKFLOW_CODES: WorkflowErrorCodes = {
  notOwner: 'PROJECT_NOT_OWNER',
  outOfTerritory: 'PROJECT_OUT_OF_TERRITORY',
  fieldRequired: 'PROJECT_FIELD_REQUIRED',
  guardFailed: 'PROJECT_GUARD_FAILED',
  unknownCommand: 'PROJECT_UNKNOWN_COMMAND',
  roleNotAllowed: 'PROJECT_ROLE_NOT_ALLOWED',
  illegalTransition: 'PROJECT_ILLEGAL_TRANSITION',
  reasonRequired: 'PROJECT_REASON_REQUIRED',
  invalidReason: 'PROJECT_INVALID_REASON',
  inputRequired: 'PROJECT_INPUT_REQUIRED',
  deadlineNotDue: 'PROJECT_DEADLINE_NOT_DUE',
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
  /** Absent before co-holders existed. */
  coHolders?: Holder[];
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

type Transition<Type extends TransitionEventType, Values = unknown> = DomainEvent<Type, TransitionFacts & Values>;
type Reasoned = { reason: string };

export type IntentionDeclared = DomainEvent<'project.intention_declared', IntentionDeclaredData>;
export type ContentEdited = DomainEvent<'project.content_edited', ContentEditedData>;
export type DraftingStarted = Transition<'project.drafting_started'>;
export type Submitted = Transition<'project.submitted'>;
export type AnalysisStarted = Transition<'project.analysis_started'>;
export type CompletionRequested = Transition<'project.completion_requested', Reasoned>;
export type Resubmitted = Transition<'project.resubmitted'>;
export type ReferredToCts = Transition<'project.referred_to_cts'>;
export type CtsOpinionRecorded = Transition<'project.cts_opinion_recorded', Reasoned & { favourable: boolean }>;
/** v2 decisions carry their signature (v1's, taken by an instructeur, have none). */
type Signed = { signature?: DecisionSignature };
export type AnalysisCompleted = Transition<'project.analysis_completed', Reasoned>;
export type Validated = Transition<'project.validated', Reasoned & Signed & { grantedAmountCents: number }>;
export type Rejected = Transition<'project.rejected', Reasoned & Signed>;
export type ReturnedToInstruction = Transition<'project.returned_to_instruction', Reasoned & Signed>;
export type Reopened = Transition<'project.reopened', Reasoned>;
export type Withdrawn = Transition<'project.withdrawn'>;
export type Lapsed = Transition<'project.lapsed', Reasoned>;
export type FinancingStarted = Transition<'project.financing_started', { commitmentRef: string }>;
export type FinalReportSubmitted = Transition<'project.final_report_submitted', { finalReport: FinalReport }>;
export type Closed = Transition<'project.closed'>;
export type DeadlineOpened = DomainEvent<'project.deadline_opened', DeadlineOpenedData>;
export type DeadlineCancelled = DomainEvent<'project.deadline_cancelled', DeadlineCancelledData>;
export type DeadlineExpired = DomainEvent<'project.deadline_expired', DeadlineExpiredData>;
/** The holder is reminded, some days before, that the deadline lapses soon (written once, by the deadline process). */
export type DeadlineReminderDue = DomainEvent<'project.deadline_reminder_due', DeadlineReminderDueData>;

/** What a report deadline's opening records besides the deadline (the act it enforces and the day that act names). */
export interface ReportDeadlineFacts {
  actId: string;
  reportDueOn: string;
}

/**
 * The compte rendu financier was not transmitted by its deadline (loi 2000-321, art. 10): the system's formal notice
 * (mise en demeure) to the holder, recorded when the deadline lapses.
 */
export interface ReportFormalNoticeData extends ReportDeadlineFacts {
  deadlineId: string;
  /** The last day it was due (the act's day, moved off a non-working day), and the instant it lapsed. */
  dueDay: string;
  dueAt: string;
  reason: string;
  by: { id: string; role: TransitionFacts['by']['role'] };
  at: string;
}
export type ReportFormalNotice = DomainEvent<'project.report_formal_notice', ReportFormalNoticeData>;

export type ProjectTransitionEvent =
  | DraftingStarted
  | Submitted
  | AnalysisStarted
  | AnalysisCompleted
  | CompletionRequested
  | Resubmitted
  | ReferredToCts
  | CtsOpinionRecorded
  | Validated
  | Rejected
  | ReturnedToInstruction
  | Reopened
  | Withdrawn
  | Lapsed
  | FinancingStarted
  | FinalReportSubmitted
  | Closed;

export type ProjectEvent =
  | IntentionDeclared
  | ContentEdited
  | ProjectTransitionEvent
  | DeadlineOpened
  | DeadlineCancelled
  | DeadlineExpired
  | DeadlineReminderDue
  | ReportFormalNotice;

const COMMAND_OF = new Map<string, TransitionCommandName>(
  Object.entries(TRANSITION_EVENTS).map(([command, type]) => [type, command as TransitionCommandName]),
);
const TYPES = new Set<string>([...Object.values(ProjectEventType), ...COMMAND_OF.keys()]);

export const PROJECT_EVENT_TYPES: readonly string[] = [...TYPES];
export const isProjectEvent = (e: DomainEvent): e is ProjectEvent => TYPES.has(e.type);
export const isTransitionEvent = (e: DomainEvent): e is ProjectTransitionEvent => COMMAND_OF.has(e.type);

/** The workflow command a transition event records ('project.validated' → 'validate'). */
export function commandOf(event: ProjectTransitionEvent): TransitionCommandName {
  return COMMAND_OF.get(event.type)!;
}

/** A transition event's own values, beyond the facts every transition records (e.g. { grantedAmountCents }). */
export function transitionValues(event: ProjectTransitionEvent): Record<string, unknown> {
  const { from: _from, to: _to, reason: _reason, by: _by, at: _at, ...values } = event.data;
  return values;
}

export const TRANSITION_EVENT_TYPES: readonly TransitionEventType[] = Object.values(TRANSITION_EVENTS);

/** A recorded event as the project event it is, or undefined when it is not one this version knows. */
export function asProjectEvent(event: { type: string; data: unknown }): ProjectEvent | undefined {
  return TYPES.has(event.type) ? ({ type: event.type, data: event.data } as ProjectEvent) : undefined;
}
