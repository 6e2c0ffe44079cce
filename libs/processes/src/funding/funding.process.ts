import { envelopeIdFromStream } from '#funding';
import { asProjectEvent } from '#projects';
import type { TransitionFacts } from '#workflow';

/**
 * One step of the funding process, derived from the log event that triggers it (`triggerId` is that event's id:
 * every request id and event id the step writes derives from it, so running a step again writes nothing new).
 * `at` is the triggering event's time, used as the commands' time.
 */
export type FundingStep =
  | { kind: 'commit'; triggerId: string; projectId: string; at: string; grantedCents: number; year: number }
  | { kind: 'advance'; triggerId: string; projectId: string; at: string; commitmentRef: string }
  | { kind: 'settle'; triggerId: string; projectId: string; at: string; spentCents: number }
  | { kind: 'withdraw'; triggerId: string; projectId: string; at: string };

export type FundingStatus = 'pending' | 'committed' | 'financing' | 'closed' | 'withdrawn';

/** Why a step waits: a refusal of the envelope (insufficient AE/CP, no envelope yet, split exceeded…). */
export interface FundingPending {
  step: FundingStep;
  code: string;
  message: string;
  details: Record<string, unknown>;
  /** Log position of the event whose handling found it refused (first, then at each retry). */
  position: string;
}

/** What the process knows of one project's funding (kept in its SQLite file, served by GET /projects/:id/funding). */
export interface FundingRecord {
  projectId: string;
  envelopeId: string;
  commitmentRef: string;
  splitKey: string | null;
  year: number;
  grantedCents: number;
  status: FundingStatus;
  pending: FundingPending | null;
  updatedAt: string;
}

/** The part of a recorded event the process looks at. */
export interface LogEvent {
  id: string;
  streamId: string;
  type: string;
  data: unknown;
  position: bigint;
  at: string;
}

export interface FundingReaction {
  step?: FundingStep;
  /** An envelope whose credits grew: its pending projects are retried. */
  retryEnvelope?: string;
}

/** Envelope events that add free AE or CP. */
const CREDIT_EVENTS: readonly string[] = [
  'envelope.opened',
  'envelope.credits_notified',
  'envelope.allocation_received',
  'envelope.transfer_received',
  'envelope.commitment_released',
  'envelope.recovered',
  'envelope.split_set',
  'envelope.year_closed',
];

const PROJECT_STREAM = /^project-(.+)$/;

/**
 * The process's decision, pure: given a log event and what it knows of the project, which step to run.
 * validate → commit (then start_financing); start_financing with the process's own commitment → the advance;
 * submit_final_report → settle (balance or recovery, release, close); withdraw → settle as abandoned;
 * a credit increase on an envelope → retry what waits on it.
 */
export function fundingReaction(
  event: LogEvent,
  record: FundingRecord | undefined,
  exerciseYear: (iso: string) => number,
): FundingReaction {
  if (event.type.startsWith('envelope.')) {
    const envelopeId = envelopeIdFromStream(event.streamId);
    return envelopeId && CREDIT_EVENTS.includes(event.type) ? { retryEnvelope: envelopeId } : {};
  }
  const projectId = PROJECT_STREAM.exec(event.streamId)?.[1];
  const e = asProjectEvent(event);
  if (!projectId || !e) return {};
  const base = (t: TransitionFacts) => ({ triggerId: event.id, projectId, at: t.at ?? event.at });
  const open = record !== undefined && record.status !== 'closed' && record.status !== 'withdrawn';
  switch (e.type) {
    case 'project.validated': {
      const grantedCents = e.data.grantedAmountCents;
      if (!(grantedCents > 0)) return {};
      return { step: { kind: 'commit', ...base(e.data), grantedCents, year: exerciseYear(base(e.data).at) } };
    }
    case 'project.financing_started':
      if (!open || record.commitmentRef !== e.data.commitmentRef) return {};
      return { step: { kind: 'advance', ...base(e.data), commitmentRef: record.commitmentRef } };
    case 'project.final_report_submitted': {
      if (!record || (record.status !== 'financing' && record.status !== 'committed')) return {};
      return { step: { kind: 'settle', ...base(e.data), spentCents: Number(e.data.finalReport?.spentAmountCents ?? 0) } };
    }
    case 'project.withdrawn':
      return open ? { step: { kind: 'withdraw', ...base(e.data) } } : {};
    case 'project.intention_declared':
    case 'project.content_edited':
    case 'project.drafting_started':
    case 'project.submitted':
    case 'project.analysis_started':
    case 'project.analysis_completed':
    case 'project.returned_to_instruction':
    case 'project.completion_requested':
    case 'project.resubmitted':
    case 'project.referred_to_cts':
    case 'project.cts_opinion_recorded':
    case 'project.rejected':
    case 'project.reopened':
    case 'project.lapsed':
    case 'project.closed':
    case 'project.deadline_opened':
    case 'project.deadline_cancelled':
    case 'project.deadline_expired':
    case 'project.deadline_reminder_due':
      return {};
    default: {
      const unknown: never = e;
      return unknown;
    }
  }
}

/** Envelope refusals that make a project wait (and be retried when the envelope's credits grow), not the process fail. */
export const PENDING_CODES: readonly string[] = [
  'ENVELOPE_INSUFFICIENT_AE',
  'ENVELOPE_INSUFFICIENT_CP',
  'ENVELOPE_NOT_FOUND',
  'ENVELOPE_CLOSED',
  'ENVELOPE_SPLIT_EXCEEDED',
  'ENVELOPE_UNKNOWN_SPLIT_KEY',
  'ENVELOPE_SPLIT_KEY_REQUIRED',
];
