import { type Actor, type CommandContext, DomainError } from '#kernel';
import { type EventStore, foldRecorded, handleCommand } from '#event-store';
import { type EnvelopeCommand, type OpenedEnvelope, eventIdFor, netCommitted, netPaid, unusedOf } from '#funding';
import { type EnvelopeCommandResult, handleEnvelopeCommand, readEnvelope } from '#funding/application';
import { type Project, type ProjectCommand, projectDecider, streamIdOf } from '#projects';
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

/** An envelope command without what the step adds (request id, context). */
type EnvelopeOrder = EnvelopeCommand extends infer C ? (C extends unknown ? Omit<C, 'requestId' | 'ctx'> : never) : never;

type Attempt<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** Runs the commands of one step. Every request id / event id derives from the step's trigger: re-running writes nothing new. */
export class FundingSteps {
  constructor(
    private readonly store: EventStore,
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
      if (project.status === 'financing' && project.commitmentRef === commitmentRef) return { ...done, status: 'financing' };
      // no longer fundable (abandoned meanwhile): undo a commitment made before a crash, if any
      return { ...(await this.settle({ ...step, kind: 'withdraw' } as FundingStep, base, h)), status: 'withdrawn' };
    }
    const committed = await this.attempt(() =>
      this.envelope(base.envelopeId, step, 'commit', h, {
        type: 'Commit',
        commitmentRef,
        projectId: step.projectId,
        amountCents: step.grantedCents,
        splitKey: match.splitKey,
        reason: `engagement du montant accordé au projet ${step.projectId}`,
      }),
    );
    if (!committed.ok) return this.pending(base, step, committed.error, h);
    try {
      await this.projectCommand(step, 'start_financing', h, { commitmentRef });
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
      const paid = await this.attempt(() =>
        this.envelope(record.envelopeId, step, 'advance', h, {
          type: 'PayInstalment',
          commitmentRef: record.commitmentRef,
          amountCents,
          certifyServiceDone: true,
          reference: `avance de ${this.schedule.advancePercent} % au démarrage`,
        }),
      );
      if (!paid.ok) return this.pending(record, step, paid.error, h);
    }
    return { ...record, status: 'financing', pending: null, updatedAt: h.at };
  }

  /** Final report (pay the balance or recover the excess, release the rest, close) or withdrawal (recover all, release). */
  private async settle(step: FundingStep, record: FundingRecord, h: Handling): Promise<FundingRecord> {
    const withdrawn = step.kind !== 'settle';
    const done: FundingRecord = { ...record, status: withdrawn ? 'withdrawn' : 'closed', pending: null, updatedAt: h.at };
    let { state } = await readEnvelope(this.store, record.envelopeId);
    const commitment = state.status === 'none' ? undefined : state.commitments[record.commitmentRef];
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
      if (opened.requests[requestIdOf(step, op.kind)]) continue; // done before a crash
      let command: EnvelopeOrder | undefined;
      if (op.kind === 'pay') {
        command = {
          type: 'PayInstalment',
          commitmentRef: record.commitmentRef,
          amountCents: op.amountCents,
          certifyServiceDone: true,
          reference: 'solde après bilan final',
        };
      } else if (op.kind === 'recover') {
        command = { type: 'Recover', commitmentRef: record.commitmentRef, amountCents: op.amountCents, reason: op.reason };
      } else if (unusedOf(opened.commitments[record.commitmentRef]!) > 0) {
        command = { type: 'ReleaseCommitment', commitmentRef: record.commitmentRef, reason: op.reason };
      }
      if (!command) continue;
      const result = await this.attempt(() => this.envelope(record.envelopeId, step, op.kind, h, command));
      if (!result.ok) return this.pending(record, step, result.error, h);
      state = result.value.state;
    }
    if (!withdrawn) await this.projectCommand(step, 'close', h, {});
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

  private envelope(envelopeId: string, step: FundingStep, op: string, h: Handling, command: EnvelopeOrder): Promise<EnvelopeCommandResult> {
    const full = { ...command, requestId: requestIdOf(step, op), ctx: this.ctx(h) } as EnvelopeCommand;
    return handleEnvelopeCommand(this.store, envelopeId, full, { causationId: step.triggerId, correlationId: step.triggerId });
  }

  private async projectCommand(
    step: FundingStep,
    type: 'start_financing' | 'close',
    h: Handling,
    fields: Record<string, unknown>,
  ): Promise<void> {
    const streamId = streamIdOf(step.projectId);
    const requestId = requestIdOf(step, type);
    await handleCommand({
      store: this.store,
      streamId,
      decider: projectDecider,
      command: { type, projectId: step.projectId, ctx: this.ctx(h), ...fields } as ProjectCommand,
      metadata: {
        actorId: FUNDING_PROCESS_ACTOR.id,
        role: FUNDING_PROCESS_ACTOR.role,
        scope: {},
        occurredAt: h.at,
        requestId,
        correlationId: step.triggerId,
        causationId: step.triggerId,
      },
      eventId: (index) => eventIdFor(requestId, index, streamId),
      replayByEventIds: true,
      retries: 5,
    });
  }

  private async project(projectId: string): Promise<Project | undefined> {
    const state = foldRecorded(projectDecider, await this.store.readStream(streamIdOf(projectId)));
    return state.exists ? state : undefined;
  }

  private ctx(h: Handling): CommandContext {
    return { actor: FUNDING_PROCESS_ACTOR, now: new Date(h.at) };
  }
}

/** 'funding:<operation>:<triggering event id>': the request id of one operation of one step. */
export function requestIdOf(step: FundingStep, operation: string): string {
  return `funding:${operation}:${step.triggerId}`;
}
