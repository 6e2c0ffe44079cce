import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandMeta } from '#kernel';
import { FUNDING_PROCESS_ACTOR, type FundingCommands, type FundingCommitment, type FundingRequest } from '#processes';
import { CommitToProject } from '../../envelopes/commit/commit.command.js';
import { PayEnvelopeInstalment } from '../../envelopes/pay/pay.command.js';
import { RecoverPayment } from '../../envelopes/recover/recover.command.js';
import { ReleaseEnvelopeCommitment } from '../../envelopes/release/release.command.js';
import { RunProjectTransition } from '../../projects/run-transition/run-transition.command.js';

/** The funding process's request as command metadata: its actor, the request id as Idempotency-Key, the trigger as cause. */
const metaOf = (r: FundingRequest): CommandMeta => ({
  principal: FUNDING_PROCESS_ACTOR,
  idempotencyKey: r.requestId,
  correlationId: r.triggerId,
  causationId: r.triggerId,
});

/** The funding process's commands, executed through the CommandBus by the same handlers as anyone's. */
@Injectable()
export class FundingCommandsOnTheBus implements FundingCommands {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async commit(envelopeId: string, c: FundingCommitment, r: FundingRequest): Promise<void> {
    await this.commands.execute(new CommitToProject(envelopeId, { type: 'Commit', ...c }, metaOf(r), r.at));
  }

  async pay(envelopeId: string, p: { commitmentRef: string; amountCents: number; reference: string }, r: FundingRequest): Promise<void> {
    const order = { type: 'PayInstalment' as const, ...p, certifyServiceDone: true };
    await this.commands.execute(new PayEnvelopeInstalment(envelopeId, order, metaOf(r), r.at));
  }

  async recover(envelopeId: string, rec: { commitmentRef: string; amountCents: number; reason: string }, r: FundingRequest): Promise<void> {
    await this.commands.execute(new RecoverPayment(envelopeId, { type: 'Recover', ...rec }, metaOf(r), r.at));
  }

  async release(envelopeId: string, rel: { commitmentRef: string; reason: string }, r: FundingRequest): Promise<void> {
    await this.commands.execute(new ReleaseEnvelopeCommitment(envelopeId, { type: 'ReleaseCommitment', ...rel }, metaOf(r), r.at));
  }

  async startFinancing(projectId: string, commitmentRef: string, r: FundingRequest): Promise<void> {
    await this.commands.execute(new RunProjectTransition(projectId, { type: 'start_financing', commitmentRef }, metaOf(r), r.at));
  }

  async close(projectId: string, r: FundingRequest): Promise<void> {
    await this.commands.execute(new RunProjectTransition(projectId, { type: 'close' }, metaOf(r), r.at));
  }
}
