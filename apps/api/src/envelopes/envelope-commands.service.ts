import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type Actor, type CommandContext, invalid } from '#kernel';
import { EVENT_STORE, type EventStore, type RecordedEvent, handleCommand } from '#event-store';
import {
  type EnvelopeCommand,
  type EnvelopeState,
  envelopeBalance,
  envelopeDecider,
  envelopeStreamId,
  eventIdFor,
  outcomeOf,
} from '#funding';
import { DEFAULT_ENVELOPE_RETRIES, allocateToChild, transfer } from '#funding/application';
import type { AppConfig } from '../config/app.config.js';
import { commandContext, commandMetadata, idempotencyKeyOf, ifMatchOf } from '../http/command-context.js';
import { APP_CONFIG, CLOCK, type Clock } from '../infrastructure/tokens.js';
import type { EnvelopeOrder } from './requests/envelope-order.js';

export interface EnvelopeWrite {
  envelopeId: string;
  requestId: string;
  /** true: this Idempotency-Key was already accepted; the first outcome is answered and nothing was written. */
  replayed: boolean;
  outcome: { type: string; data: unknown }[];
  revision: bigint;
  /** The log position of the request's last event (the same on a replay). */
  position: bigint | null;
  balance: ReturnType<typeof envelopeBalance>;
  /** allocate / transfer: the receiving envelope's half. */
  target?: { envelopeId: string; replayed: boolean; outcome: { type: string; data: unknown }[] };
}

/** The shell of every envelope command: Idempotency-Key (required) as the request id, metadata, If-Match, retries. */
@Injectable()
export class EnvelopeCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The request's Idempotency-Key: every envelope command needs one (400 naming the header otherwise). */
  requestIdOf(request: FastifyRequest): string {
    const key = idempotencyKeyOf(request);
    if (key === undefined) {
      throw invalid(
        'IDEMPOTENCY_KEY_REQUIRED',
        'Idempotency-Key',
        'required on envelope commands: a retry with the same key returns the first outcome',
      );
    }
    return key;
  }

  async run(request: FastifyRequest, actor: Actor, envelopeId: string, order: EnvelopeOrder): Promise<EnvelopeWrite> {
    const requestId = this.requestIdOf(request);
    const ctx = commandContext(actor, this.clock.now());
    const command = { ...order, requestId, ctx } as EnvelopeCommand;
    if (command.type === 'AllocateToChild' || command.type === 'TransferToSibling') return this.crossEnvelope(envelopeId, command, ctx);
    const streamId = envelopeStreamId(envelopeId);
    const ifMatch = ifMatchOf(request);
    const result = await handleCommand({
      store: this.store,
      streamId,
      decider: envelopeDecider,
      command,
      metadata: { ...commandMetadata(request, ctx, this.config.replicaId), requestId },
      eventId: (index) => eventIdFor(requestId, index, streamId),
      retries: DEFAULT_ENVELOPE_RETRIES,
      ...(ifMatch === undefined ? {} : { ifMatch }),
    });
    const replayed = result.events.length === 0;
    const position = result.append?.position ?? positionOf(await this.store.readStream(streamId), requestId);
    return this.answer(envelopeId, requestId, result.state, result.revision, replayed, position);
  }

  private async crossEnvelope(envelopeId: string, command: EnvelopeCommand, ctx: CommandContext): Promise<EnvelopeWrite> {
    const { requestId } = command;
    const result =
      command.type === 'AllocateToChild'
        ? await allocateToChild(this.store, {
            parentId: envelopeId,
            childId: command.childId,
            requestId,
            aeCents: command.aeCents,
            cpCents: command.cpCents,
            ctx,
            ...(command.reason ? { reason: command.reason } : {}),
          })
        : command.type === 'TransferToSibling'
          ? await transfer(this.store, {
              fromId: envelopeId,
              toId: command.toId,
              requestId,
              aeCents: command.aeCents,
              cpCents: command.cpCents,
              reason: command.reason,
              ctx,
            })
          : undefined;
    if (!result) throw new Error(`${command.type} is not a cross-envelope command`);
    const targetState = result.target.state;
    const targetId = targetState.status === 'none' ? '' : targetState.envelopeId;
    const targetPosition = positionOf(
      await this.store.readStream(envelopeStreamId(targetId)),
      result.target.outcome.events[0]?.data.requestId ?? '',
    );
    const write = this.answer(envelopeId, requestId, result.source.state, result.source.revision, result.source.replayed, targetPosition);
    return {
      ...write,
      target: { envelopeId: targetId, replayed: result.target.replayed, outcome: result.target.outcome.events.map(plain) },
    };
  }

  private answer(
    envelopeId: string,
    requestId: string,
    state: EnvelopeState,
    revision: bigint,
    replayed: boolean,
    position: bigint | null,
  ): EnvelopeWrite {
    const outcome = outcomeOf(state, requestId)?.events.map(plain) ?? [];
    return { envelopeId, requestId, replayed, outcome, revision, position, balance: envelopeBalance(state) };
  }
}

const plain = (e: { type: string; data: unknown }) => ({ type: e.type, data: e.data });

/** The position of the last event a request wrote on a stream. */
function positionOf(history: readonly RecordedEvent[], requestId: string): bigint | null {
  let position: bigint | null = null;
  for (const e of history) if ((e.data as { requestId?: string }).requestId === requestId) position = e.position;
  return position;
}
