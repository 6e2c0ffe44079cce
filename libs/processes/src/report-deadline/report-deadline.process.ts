import { type AwardAct, isFullySigned } from '#awards';

/**
 * What the report deadline process asks of a project when its award act changes: 'open' the compte rendu financier's
 * deadline on the act's day (the act fully signed, or amended with a new day), or 'cancel' it (the act cancelled).
 * `triggerId` is the triggering event's id (the request id derives from it), `at` its time (the command's time).
 */
export type ReportDeadlineStep =
  | { kind: 'open'; projectId: string; actId: string; reportDueOn: string; triggerId: string; at: string }
  | { kind: 'cancel'; projectId: string; actId: string; triggerId: string; at: string };

/** The part of a recorded award act event the process looks at. */
export interface ActEvent {
  id: string;
  streamId: string;
  type: string;
  data: unknown;
  at: string;
}

export const REPORT_DEADLINE_TRIGGERS: readonly string[] = [
  'award_act.signed',
  'award_act.countersigned',
  'award_act.cancelled',
  /** An amendment (avenant) may move the report's day: once it is in effect (a convention's, once countersigned). */
  'award_act.amended',
  'award_act.amendment_countersigned',
];

const projectOf = (streamId: string) => /^award-act-(.+)$/.exec(streamId)?.[1];

/**
 * The process's decision, pure: given an award act event and the act as it stood once that event was applied,
 * the step to run on the project, if any.
 * - signed or countersigned, and now fully signed (an arrêté signed; a convention signed by both parties) → open on its day;
 * - an extension (avenant) in effect on a fully signed act → open on its new day (the project moves an open deadline, or
 *   opens one again after a formal notice);
 * - cancelled after it was fully signed → cancel.
 */
export function reportDeadlineStep(event: ActEvent, act: AwardAct | null): ReportDeadlineStep | undefined {
  const projectId = projectOf(event.streamId);
  const actId = (event.data as { actId?: unknown } | null)?.actId;
  if (!projectId || !act || (actId !== undefined && actId !== act.actId)) return undefined;
  const base = { projectId, actId: act.actId, triggerId: event.id, at: event.at };
  switch (event.type) {
    case 'award_act.signed':
    case 'award_act.countersigned':
      return isFullySigned(act) ? { kind: 'open', ...base, reportDueOn: act.reportDueOn } : undefined;
    case 'award_act.amended':
    case 'award_act.amendment_countersigned': {
      // An extension moves the report's day once in effect (a convention's, once the beneficiary countersigned it): the
      // folded act then carries its terms.
      const number = (event.data as { number?: unknown }).number;
      const amendment = act.amendments.find((a) => a.number === number);
      if (amendment?.kind !== 'extension' || !amendment.inEffect || !isFullySigned(act)) return undefined;
      return { kind: 'open', ...base, reportDueOn: act.reportDueOn };
    }
    case 'award_act.cancelled':
      return act.signedAt !== null ? { kind: 'cancel', ...base } : undefined;
    default:
      return undefined;
  }
}

/** 'report-deadline:<step>:<triggering event id>': the request id (Idempotency-Key) of one step. */
export const reportDeadlineRequestId = (step: ReportDeadlineStep) => `report-deadline:${step.kind}:${step.triggerId}`;
