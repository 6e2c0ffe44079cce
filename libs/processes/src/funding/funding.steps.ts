import { type Actor, DomainError } from '#kernel';
import { type EventStore, foldRecorded } from '#event-store';
import { type OpenedEnvelope, netCommitted, netPaid, unusedOf } from '#funding';
import { loadEnvelope, requestAccepted } from '#funding/application';
import { type Project, projectDecider, streamIdOf } from '#projects';
import type { FundingCommands, FundingRequest } from './funding.port.js';
import { commitmentRefFor, matchingEnvelope } from './funding.matching.js';
import { type FundingRecord, type FundingStep, PENDING_CODES } from './funding.process.js';
import { DEFAULT_SCHEDULE, type PaymentSchedule, advanceCents, planSettlement } from './funding.schedule.js';

/** The process acts as this actor: role 'system', national; no token carries it. */
export const FUNDING_PROCESS_ACTOR: Actor = { id: 'funding-process', role: 'system', scope: {} };

/** The event being handled: its position and time (the commands' time, so a re-run decides the same). */
export interface Handling {
  position: bigint;
  at: string;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/**
 * Runs the commands of one step through the application's port (it reads the store, it writes only through commands).
 * Every request id derives from the step's trigger: re-running writes nothing new.
 */
export class FundingSteps {
  constructor(
    private readonly store: EventStore,
    private readonly commands: FundingCommands,
    private readonly schedule: PaymentSchedule = DEFAULT_SCHEDULE,
  ) {}

  async run(step: FundingStep, record: FundingRecord | undefined, handling: Handling): Promise<FundingRecord | undefined> {
    switch (step.kind) {
      case 'commit':
        return this.commit(step, record, handling);
      case 'advance':
        return record && this.advance(step, record, handling);
      case 'settle':
      case 'withdraw':
        return record && this.settle(step, record, handling);
    }
  }

  private async commit(
    step: Extract<FundingStep, { kind: 'commit' }>,
    record: FundingRecord | undefined,
    h: Handling,
  ): Promise<FundingRecord | undefined> {
    const project = await this.project(step.projectId);
    if (!project) return record;
    const match = matchingEnvelope(project, step.year);
    const commitmentRef = commitmentRefFor(step.projectId, step.year);
    const base: FundingRecord = record ?? {
      projectId: step.projectId,
      envelopeId: match.envelopeId,
      commitmentRef,
      splitKey: match.splitKey,
      year: step.year,
      grantedCents: step.grantedCents,
      status: 'pending',
      pending: null,
      updatedAt: h.at,
    };
    const done = { ...base, pending: null, updatedAt: h.at };
    if (project.status !== 'validated') {
      // The project moved on since this validation (a replay from an empty state file reads today's project): its money
      // went on by its own events, which this process meets next. Only a withdrawal undoes a commitment made before a crash.
      if (project.status === 'financing') return { ...done, status: 'financing' };
      if (project.status === 'closed') return { ...done, status: 'closed' };
      if (project.status !== 'withdrawn') return record;
      return { ...(await this.settle({ ...step, kind: 'withdraw' } as FundingStep, base, h)), status: 'withdrawn' };
    }
    const committed = await this.attempt(() =>
      this.commands.commit(
        base.envelopeId,
        {
          commitmentRef,
          projectId: step.projectId,
          amountCents: step.grantedCents,
          splitKey: match.splitKey,
          reason: `engagement du montant accordé au projet ${step.projectId}`,
        },
        this.request(step, 'commit', h),
      ),
    );
    if (!committed.ok) return this.pending(base, step, committed.error, h);
    try {
      await this.commands.startFinancing(step.projectId, commitmentRef, this.request(step, 'start_financing', h));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'PROJECT_ILLEGAL_TRANSITION') throw error;
      return {
        ...(await this.settle({ ...step, kind: 'withdraw' } as FundingStep, { ...base, status: 'committed' }, h)),
        status: 'withdrawn',
      };
    }
    return { ...done, status: 'financing' };
  }

  private async advance(step: Extract<FundingStep, { kind: 'advance' }>, record: FundingRecord, h: Handling): Promise<FundingRecord> {
    const amountCents = advanceCents(record.grantedCents, this.schedule);
    if (amountCents > 0) {
      const reference = `avance de ${this.schedule.advancePercent} % au démarrage`;
      const paid = await this.attempt(() =>
        this.commands.pay(
          record.envelopeId,
          { commitmentRef: record.commitmentRef, amountCents, reference },
          this.request(step, 'advance', h),
        ),
      );
      if (!paid.ok) return this.pending(record, step, paid.error, h);
    }
    return { ...record, status: 'financing', pending: null, updatedAt: h.at };
  }

  /** Final report (pay the balance or recover the excess, release the rest, close) or withdrawal (recover all, release). */
  private async settle(step: FundingStep, record: FundingRecord, h: Handling): Promise<FundingRecord> {
    const withdrawn = step.kind !== 'settle';
    const done: FundingRecord = { ...record, status: withdrawn ? 'withdrawn' : 'closed', pending: null, updatedAt: h.at };
    let { state } = await loadEnvelope(this.store, record.envelopeId);
    const commitment = state.status === 'none' ? undefined : state.commitments.get(record.commitmentRef);
    if (!commitment) {
      if (withdrawn) return done; // nothing was committed yet: the project simply stops waiting
      throw new Error(`commitment ${record.commitmentRef} is not on ${record.envelopeId}`);
    }
    const spent = step.kind === 'settle' ? step.spentCents : 0;
    const ops = planSettlement(
      { committedCents: netCommitted(commitment), paidCents: netPaid(commitment) },
      spent,
      withdrawn ? 'withdrawn' : 'final_report',
    );
    for (const op of ops) {
      const opened = state as OpenedEnvelope;
      // done before a crash
      if (await requestAccepted(this.store, record.envelopeId, FUNDING_PROCESS_ACTOR.id, requestIdOf(step, op.kind))) continue;
      const ref = record.commitmentRef;
      const request = this.request(step, op.kind, h);
      let send: (() => Promise<void>) | undefined;
      if (op.kind === 'pay') {
        send = () =>
          this.commands.pay(
            record.envelopeId,
            { commitmentRef: ref, amountCents: op.amountCents, reference: 'solde après bilan final' },
            request,
          );
      } else if (op.kind === 'recover') {
        send = () =>
          this.commands.recover(record.envelopeId, { commitmentRef: ref, amountCents: op.amountCents, reason: op.reason }, request);
      } else if (unusedOf(opened.commitments.get(ref)!) > 0) {
        send = () => this.commands.release(record.envelopeId, { commitmentRef: ref, reason: op.reason }, request);
      }
      if (!send) continue;
      const result = await this.attempt(send);
      if (!result.ok) return this.pending(record, step, result.error, h);
      ({ state } = await loadEnvelope(this.store, record.envelopeId));
    }
    if (!withdrawn) await this.commands.close(step.projectId, this.request(step, 'close', h));
    return done;
  }

  private pending(record: FundingRecord, step: FundingStep, error: DomainError, h: Handling): FundingRecord {
    return {
      ...record,
      status: record.status === 'pending' ? 'pending' : record.status,
      updatedAt: h.at,
      pending: { step, code: error.code, message: error.message, details: error.details ?? {}, position: h.position.toString() },
    };
  }

  private async attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      if (error instanceof DomainError && PENDING_CODES.includes(error.code)) return { ok: false, error };
      throw error;
    }
  }

  private request(step: FundingStep, operation: string, h: Handling): FundingRequest {
    return { requestId: requestIdOf(step, operation), at: new Date(h.at), triggerId: step.triggerId };
  }

  private async project(projectId: string): Promise<Project | undefined> {
    const state = foldRecorded(projectDecider, await this.store.readStream(streamIdOf(projectId)));
    return state.exists ? state : undefined;
  }
}

/** 'funding:<operation>:<triggering event id>': the request id of one operation of one step. */
export function requestIdOf(step: FundingStep, operation: string): string {
  return `funding:${operation}:${step.triggerId}`;
}
