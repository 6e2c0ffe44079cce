import { envelopeIdFromStream } from '#funding';

/**
 * The funding process moves no money (issue 15): every commitment, certification, order, payment and recovery is a
 * person's command. What it still does is bookkeeping the log implies: when an envelope records the first EJ of a
 * project's award act, the project enters `financing`. `triggerId` is the triggering event's id: the request id derives
 * from it, so running a step again writes nothing new; `at` is that event's time, used as the command's time.
 */
export type FundingStep = {
  /**
   * 'start_financing' for an award act's EJ; 'record' for a commitment written before award acts (kept only as an index);
   * 'act_signed': an act fully signed, which starts the financing only if it grants €0 (human support: nothing to commit);
   * 'withdrawn': the holder withdrew: after payments, the review of the spending is opened (nothing is claimed by itself).
   */
  kind: 'start_financing' | 'record' | 'act_signed' | 'withdrawn';
  triggerId: string;
  projectId: string;
  at: string;
  envelopeId: string;
  commitmentRef: string;
};

/** 'legacy': a commitment the process itself made before award acts (its project's money follows the old path). */
export type FundingStatus = 'financing' | 'not_started' | 'legacy';

/** What the process knows of one project's funding (kept in its SQLite file). */
export interface FundingRecord {
  projectId: string;
  envelopeId: string;
  commitmentRef: string;
  status: FundingStatus;
  /** Why financing did not start (the project had moved on: withdrawn, already financing…). */
  note: string | null;
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

/**
 * The process's decision, pure: an EJ recorded for an award act → the project's `start_financing`; a commitment written
 * before award acts → only recorded (which envelope and reference hold the project's money), nothing sent; an act fully
 * signed → looked at (a €0 act starts the financing with no EJ).
 */
export function fundingReaction(event: LogEvent): FundingStep | undefined {
  if (event.type === 'award_act.signed' || event.type === 'award_act.countersigned') {
    const projectId = /^award-act-(.+)$/.exec(event.streamId)?.[1];
    const actId = (event.data as { actId?: string }).actId;
    if (!projectId || !actId) return undefined;
    return { kind: 'act_signed', triggerId: event.id, projectId, at: event.at, envelopeId: '', commitmentRef: actId };
  }
  if (event.type === 'project.withdrawn') {
    const projectId = /^project-(.+)$/.exec(event.streamId)?.[1];
    return projectId ? { kind: 'withdrawn', triggerId: event.id, projectId, at: event.at, envelopeId: '', commitmentRef: '' } : undefined;
  }
  if (event.type !== 'envelope.committed') return undefined;
  const envelopeId = envelopeIdFromStream(event.streamId);
  const d = event.data as { awardActId?: string; projectId?: string; commitmentRef?: string };
  if (!envelopeId || !d.projectId || !d.commitmentRef) return undefined;
  const kind = d.awardActId ? 'start_financing' : 'record';
  return { kind, triggerId: event.id, projectId: d.projectId, at: event.at, envelopeId, commitmentRef: d.commitmentRef };
}
