import type { CommandContext } from '#kernel';
import type { ContentChanges } from './project.events.js';
import type { DecisionSignature } from './project.signature.js';
import type { FinalReport, Holder, Partner, Program, Territory } from './project.state.js';

interface Base {
  projectId: string;
  ctx: CommandContext;
}

/** Creates the stream `project-<projectId>` (the id is chosen by the caller). Holder only. */
export interface DeclareIntention extends Base {
  type: 'declare_intention';
  program: Program;
  title: string;
  description: string;
  territory: Territory;
  holder: Holder;
  coHolders?: Holder[];
  partners?: Partner[];
}

/** Replaces the given fields; only while drafting or completion_requested, by the project's holder. */
export interface EditContent extends Base {
  type: 'edit_content';
  changes: ContentChanges;
}

/** Run by the deadline scheduler (role system) once the deadline is due; a no-op if it is no longer open. */
export interface ExpireDeadline extends Base {
  type: 'expire_deadline';
  deadlineId: string;
}

/** Run by the deadline process (role system) once the reminder is due; a no-op if already reminded or no longer open. */
export interface RemindDeadline extends Base {
  type: 'remind_deadline';
  deadlineId: string;
}

/**
 * Run by the report deadline process (role system) once the award act is fully signed, or amended with a new day: opens
 * the compte rendu financier's deadline on `reportDueOn` (an open one for another day is moved); a no-op if already open.
 */
export interface OpenReportDeadline extends Base {
  type: 'open_report_deadline';
  actId: string;
  reportDueOn: string;
}

/** Run by the report deadline process (role system) when the act is cancelled: its report deadline is lifted. */
export interface CancelReportDeadline extends Base {
  type: 'cancel_report_deadline';
  actId: string;
}

/** Transitions that carry nothing but an optional (or, per the definition, mandatory) reason. */
export type PlainTransitionType =
  | 'start_drafting'
  | 'submit'
  | 'start_analysis'
  | 'complete_analysis'
  | 'return_to_instruction'
  | 'request_completion'
  | 'resubmit'
  | 'refer_to_cts'
  | 'reject'
  | 'reopen'
  | 'withdraw'
  | 'lapse'
  | 'close';

export interface PlainTransition extends Base {
  type: PlainTransitionType;
  reason?: string;
  /** A decision's (reject, return_to_instruction), stamped by the application once the signatory's authority is checked. */
  signature?: DecisionSignature;
}

/** Carries the granted amount (integer cents, <= requested) for the funding process. */
export interface Validate extends Base {
  type: 'validate';
  reason?: string;
  grantedAmountCents: number;
  signature?: DecisionSignature;
}

/** Health: the CTS opinion, favourable or not, with its reasons (reason is mandatory). */
export interface RecordCtsOpinion extends Base {
  type: 'record_cts_opinion';
  reason?: string;
  favourable: boolean;
}

/** validated → financing, once the legal commitment is made (role finance or system). */
export interface StartFinancing extends Base {
  type: 'start_financing';
  reason?: string;
  commitmentRef: string;
}

/** The holder's final report (bilan), which `close` requires. */
export interface SubmitFinalReport extends Base {
  type: 'submit_final_report';
  reason?: string;
  report: FinalReport;
}

export type TransitionCommand = PlainTransition | Validate | RecordCtsOpinion | StartFinancing | SubmitFinalReport;
export type ProjectCommand =
  DeclareIntention | EditContent | ExpireDeadline | RemindDeadline | OpenReportDeadline | CancelReportDeadline | TransitionCommand;

/** The values a transition command brings to the workflow engine (its `inputs`). */
export function inputsOf(c: TransitionCommand): Record<string, unknown> {
  switch (c.type) {
    case 'validate':
      return { grantedAmountCents: c.grantedAmountCents, ...(c.signature ? { signature: c.signature } : {}) };
    case 'record_cts_opinion':
      return { favourable: c.favourable };
    case 'start_financing':
      return { commitmentRef: c.commitmentRef };
    case 'submit_final_report':
      return { finalReport: c.report };
    default:
      return 'signature' in c && c.signature ? { signature: c.signature } : {};
  }
}
