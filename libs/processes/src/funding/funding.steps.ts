import { commitmentOfAct } from '#funding/application';
import { type Actor, DomainError } from '#kernel';
import { type EventStore, foldRecorded } from '#event-store';
import { projectDecider, streamIdOf } from '#projects';
import { awardActDecider, awardActStreamOf } from '#awards';
import { netPaid } from '#funding';
import type { FundingCommands, FundingRequest } from './funding.port.js';
import type { FundingRecord, FundingStep } from './funding.process.js';

/** The process acts as this actor: role 'system', national; no token carries it. */
export const FUNDING_PROCESS_ACTOR: Actor = { id: 'funding-process', role: 'system', scope: {} };

/** The event being handled: its position and time (the commands' time, so a re-run decides the same). */
export interface Handling {
  position: bigint;
  at: string;
}

/**
 * Runs a step through the application's port (it reads the store, it writes only through commands). The request id
 * derives from the step's trigger: re-running writes nothing new.
 */
export class FundingSteps {
  constructor(
    private readonly store: EventStore,
    private readonly commands: FundingCommands,
  ) {}

  async run(step: FundingStep, record: FundingRecord | undefined, h: Handling): Promise<FundingRecord | undefined> {
    const base = { projectId: step.projectId, envelopeId: step.envelopeId, commitmentRef: step.commitmentRef, updatedAt: h.at };
    if (step.kind === 'record') return record ?? { ...base, status: 'legacy', note: 'engagement antérieur aux actes attributifs' };
    if (step.kind === 'withdrawn') return this.withdrawn(step, record, h);
    if (record?.status === 'financing') return record;
    if (step.kind === 'act_signed') {
      const act = foldRecorded(awardActDecider, await this.store.readStream(awardActStreamOf(step.projectId))).act;
      // Only a €0 act (human support) starts the financing on its signature; any other waits for its EJ.
      if (!act || act.actId !== step.commitmentRef || act.status !== 'signed' || act.amountCents !== 0) return record;
      return this.start(step, { ...base, envelopeId: act.envelopeId }, h);
    }
    // An EJ names its act; one the log does not hold signed (written around the application) starts nothing.
    const act = foldRecorded(awardActDecider, await this.store.readStream(awardActStreamOf(step.projectId))).act;
    if (act?.actId !== step.commitmentRef || act.status !== 'signed') {
      return { ...base, status: 'not_started', note: `l’acte ${step.commitmentRef} n’est pas signé dans le journal` };
    }
    return this.start(step, base, h);
  }

  /** After payments, a withdrawal opens the review (finance fixes what was legitimately spent); nothing else is done. */
  private async withdrawn(step: FundingStep, record: FundingRecord | undefined, h: Handling): Promise<FundingRecord | undefined> {
    const act = foldRecorded(awardActDecider, await this.store.readStream(awardActStreamOf(step.projectId))).act;
    if (!act || act.status !== 'signed') return record;
    const c = await commitmentOfAct(this.store, act);
    const paidCents = c ? netPaid(c) : 0;
    if (paidCents > 0) await this.commands.openReviewOnWithdrawal(step.projectId, paidCents, requestOf(step, h));
    else await this.commands.liftReportDeadline(step.projectId, act.actId, requestOf(step, h));
    return record && { ...record, note: paidCents > 0 ? 'abandon après versements : compte rendu à examiner' : 'abandon', updatedAt: h.at };
  }

  private async start(step: FundingStep, base: Omit<FundingRecord, 'status' | 'note'>, h: Handling): Promise<FundingRecord> {
    const project = foldRecorded(projectDecider, await this.store.readStream(streamIdOf(step.projectId)));
    const status = project.exists ? project.status : 'absent';
    if (status === 'financing') return { ...base, status: 'financing', note: null };
    if (status !== 'validated') return { ...base, status: 'not_started', note: `le projet est à l’état « ${status} »` };
    try {
      await this.commands.startFinancing(step.projectId, step.commitmentRef, requestOf(step, h));
    } catch (error) {
      // The project moved on between the read and the command (withdrawn meanwhile): recorded, not a failure.
      if (!(error instanceof DomainError) || error.code !== 'PROJECT_ILLEGAL_TRANSITION') throw error;
      return { ...base, status: 'not_started', note: error.message };
    }
    return { ...base, status: 'financing', note: null };
  }
}

/** 'funding:<operation>:<triggering event id>': the request id of one step. */
export function requestIdOf(step: FundingStep): string {
  return `funding:${step.kind}:${step.triggerId}`;
}

const requestOf = (step: FundingStep, h: Handling): FundingRequest => ({
  requestId: requestIdOf(step),
  at: new Date(h.at),
  triggerId: step.triggerId,
});
