import { Inject, Injectable } from '@nestjs/common';
import { type CommandContext, type CommandMeta, invalid } from '#kernel';
import { EVENT_STORE, type EventMetadata, type EventStore } from '#event-store';
import {
  type EnvelopeCommand,
  type EnvelopeState,
  assertCanManageEnvelope,
  envelopeBalance,
  envelopeDecider,
  envelopeStreamId,
} from '#funding';
import { DEFAULT_ENVELOPE_RETRIES, allocateToChild, envelopeSnapshots, transfer } from '#funding/application';
import { CommandShell } from '../infrastructure/cqrs/command-shell.js';
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

/** The Idempotency-Key of an envelope command, its request id: every envelope command needs one (400 naming the header). */
export function requestIdOf(meta: CommandMeta): string {
  const key = meta.idempotencyKey;
  if (key === undefined) {
    throw invalid(
      'IDEMPOTENCY_KEY_REQUIRED',
      'Idempotency-Key',
      'required on envelope commands: a retry with the same key returns the first outcome',
      {
        detail:
          'L’en-tête Idempotency-Key est obligatoire sur les commandes d’enveloppe : ' +
          'une nouvelle tentative avec la même clé renvoie le premier résultat.',
      },
    );
  }
  return key;
}

/**
 * What every envelope command handler does: check the id, the Idempotency-Key (the request id of the envelope decider) and
 * the envelope policy, then run the command through the shell (one metadata shape, If-Match, retries); allocate and
 * transfer run their two steps (libs/funding/src/application).
 */
@Injectable()
export class EnvelopeCommandRunner {
  constructor(
    @Inject(CommandShell) private readonly shell: CommandShell,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The checks every envelope command passes first, in this order: the id (400), the key (400), the policy (403). */
  admit(envelopeId: string, meta: CommandMeta, at?: Date): { requestId: string; ctx: CommandContext } {
    envelopeStreamId(envelopeId);
    const requestId = requestIdOf(meta);
    assertCanManageEnvelope(meta.principal, envelopeId);
    return { requestId, ctx: { actor: meta.principal, now: at ?? this.shell.now() } };
  }

  /** `precondition`: checks run only when the command is decided, not when a retry is answered with its first outcome. */
  async run(
    envelopeId: string,
    order: EnvelopeOrder,
    meta: CommandMeta,
    at?: Date,
    precondition?: (state: EnvelopeState) => Promise<void>,
  ): Promise<EnvelopeWrite> {
    const { requestId, ctx } = this.admit(envelopeId, meta, at);
    const command = { ...order, requestId, ctx } as EnvelopeCommand;
    const streamId = envelopeStreamId(envelopeId);
    const { type, ...inputs } = order;
    if (command.type === 'AllocateToChild' || command.type === 'TransferToSibling') {
      const metadata = { ...this.shell.metadataOf({ name: `envelope.${type}`, streamId, inputs, meta }, ctx.now) };
      return this.crossEnvelope(envelopeId, command, metadata, meta.principal.role === 'system' ? 'before-writing' : 'before-deciding');
    }
    const result = await this.shell.run(
      {
        streamId,
        decider: envelopeDecider,
        command,
        name: `envelope.${type}`,
        inputs,
        meta,
        retries: DEFAULT_ENVELOPE_RETRIES,
        snapshots: envelopeSnapshots,
        ...(precondition ? { precondition } : {}),
      },
      ctx.now,
    );
    const outcome = result.events.map(plain);
    const write = { envelopeId, requestId, replayed: result.replayed === true, outcome, revision: result.revision };
    return { ...write, position: result.append?.position ?? null, balance: envelopeBalance(result.state) };
  }

  /** As the shell claims keys: a person's before deciding, a process's once there is something to write. */
  private async crossEnvelope(
    envelopeId: string,
    command: EnvelopeCommand,
    metadata: EventMetadata,
    claim: 'before-deciding' | 'before-writing',
  ): Promise<EnvelopeWrite> {
    const { requestId, ctx } = command;
    const result =
      command.type === 'AllocateToChild'
        ? await allocateToChild(
            this.store,
            {
              parentId: envelopeId,
              childId: command.childId,
              requestId,
              aeCents: command.aeCents,
              cpCents: command.cpCents,
              ctx,
              ...(command.reason ? { reason: command.reason } : {}),
            },
            { metadata, claim },
          )
        : command.type === 'TransferToSibling'
          ? await transfer(
              this.store,
              {
                fromId: envelopeId,
                toId: command.toId,
                requestId,
                aeCents: command.aeCents,
                cpCents: command.cpCents,
                reason: command.reason,
                ctx,
              },
              { metadata, claim },
            )
          : undefined;
    if (!result) throw new Error(`${command.type} is not a cross-envelope command`);
    const { source, target } = result;
    const targetId = target.state.status === 'none' ? '' : target.state.envelopeId;
    return {
      envelopeId,
      requestId,
      replayed: source.replayed,
      outcome: source.outcome.events.map(plain),
      revision: source.revision,
      // The write is done once the receiving half is: its position is what a read waits for.
      position: target.outcome.position,
      balance: envelopeBalance(source.state),
      target: { envelopeId: targetId, replayed: target.replayed, outcome: target.outcome.events.map(plain) },
    };
  }
}

const plain = (e: { type: string; data: unknown }) => ({ type: e.type, data: e.data });
