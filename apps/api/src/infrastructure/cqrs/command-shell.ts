import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import stringify from 'safe-stable-stringify';
import {
  EVENT_STORE,
  type EventStore,
  type HandleCommandResult,
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  handleCommand,
} from '#event-store';
import { type CommandMeta, type Decider, type DomainEvent, DomainError, type EventMetadata, eventIdFor } from '#kernel';
import type { AppConfig } from '../../config/app.config.js';
import { RefondaMetrics } from '../../metrics/refonda.metrics.js';
import { APP_CONFIG, CLOCK, type Clock } from '../tokens.js';

export interface AggregateCommand<C, S> {
  streamId: string;
  decider: Decider<C, DomainEvent, S>;
  /** The domain command, built by the handler with the context (principal, now) it was given. */
  command: C;
  /** A stable name of the command ('project.validate'), stored in every event's metadata. */
  name: string;
  /** What the command brings besides its target (the fingerprint covers it): a reused key with another body is refused. */
  inputs: unknown;
  meta: CommandMeta;
  /** Re-read and re-decide on a concurrent write (optimistic concurrency), this many times. */
  retries?: number;
  /**
   * Who answers a retry of an Idempotency-Key: the shell, from the event ids derived from the principal and the key (default),
   * or the decider itself ('by-decider': the envelopes' request-id map), the event ids then derived from the key alone.
   */
  replay?: 'by-event-ids' | 'by-decider';
}

/**
 * The one way a command reaches an aggregate: read → fold → decide → append with the expected revision, one metadata
 * shape on every event, and the Idempotency-Key (deterministic event ids, replay of the first outcome, key reuse refused).
 */
@Injectable()
export class CommandShell {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(RefondaMetrics) private readonly metrics?: RefondaMetrics,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** The one metadata shape every event of a command carries (who, role, scope, when, correlation, command, fingerprint…). */
  metadataOf(c: Pick<AggregateCommand<unknown, unknown>, 'name' | 'streamId' | 'inputs' | 'meta'>, now: Date): EventMetadata {
    const { meta } = c;
    return {
      actorId: meta.principal.id,
      role: meta.principal.role,
      scope: meta.principal.scope,
      occurredAt: now.toISOString(),
      correlationId: meta.correlationId,
      causationId: meta.causationId,
      replica: this.config.replicaId,
      command: c.name,
      fingerprint: fingerprintOf(c.name, c.streamId, c.inputs),
      ...(meta.idempotencyKey === undefined ? {} : { idempotencyKey: meta.idempotencyKey }),
    };
  }

  async run<C, S>(c: AggregateCommand<C, S>, now = this.clock.now()): Promise<HandleCommandResult<S>> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await this.execute(c, now);
      this.metrics?.commandRan(c.name, result.replayed ? 'replayed' : 'ok', seconds());
      return result;
    } catch (error) {
      this.metrics?.commandRan(c.name, error instanceof DomainError ? error.category : 'error', seconds());
      throw error;
    }
  }

  private async execute<C, S>(c: AggregateCommand<C, S>, now: Date): Promise<HandleCommandResult<S>> {
    const { meta, streamId } = c;
    const metadata = this.metadataOf(c, now);
    const fingerprint = metadata['fingerprint'] as string;
    const key = meta.idempotencyKey;
    // A person's key names one command on one target: claimed first, so a reuse elsewhere is refused before anything is done.
    // The processes derive theirs from the events they react to: each names one command by construction.
    if (key && meta.principal.role !== 'system') await this.claim(meta.principal.id, key, c.name, streamId, fingerprint, metadata);
    return handleCommand({
      store: this.store,
      streamId,
      decider: c.decider,
      command: c.command,
      metadata: { ...metadata },
      fingerprint,
      ...(meta.expectedRevision === undefined ? {} : { ifMatch: meta.expectedRevision }),
      ...(c.retries === undefined ? {} : { retries: c.retries }),
      ...(key ? eventIdsOf(c.replay ?? 'by-event-ids', meta.principal.id, key, streamId) : {}),
    });
  }

  /**
   * Before a command with side effects elsewhere (a declaration registering its holder): is the Idempotency-Key free, or
   * already this very command (a retry)? A key used for another command is refused here, before anything is written.
   */
  async assertKeyFreeFor(c: Pick<AggregateCommand<unknown, unknown>, 'name' | 'streamId' | 'inputs' | 'meta'>): Promise<void> {
    const key = c.meta.idempotencyKey;
    if (!key || c.meta.principal.role === 'system') return;
    const first = (await this.store.readStream(claimStreamOf(c.meta.principal.id, key)))[0]?.data as KeyClaim | undefined;
    if (first && first.fingerprint !== fingerprintOf(c.name, c.streamId, c.inputs)) throw keyReused(key, first.command);
  }

  private async claim(principalId: string, key: string, command: string, target: string, fingerprint: string, metadata: EventMetadata) {
    const stream = claimStreamOf(principalId, key);
    const claimed = { id: eventIdFor(`${principalId}\u0000${key}`, 0, stream), type: KEY_CLAIMED, data: { command, target, fingerprint } };
    try {
      await this.store.appendToStream(stream, [{ ...claimed, metadata: { ...metadata } }], { expectedRevision: 'no_stream' });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) && !(error instanceof IdempotencyConflictError)) throw error;
      const first = (await this.store.readStream(stream))[0]?.data as KeyClaim | undefined;
      if (first?.fingerprint === fingerprint) return;
      throw keyReused(key, first?.command);
    }
  }
}

type KeyClaim = { command?: string; fingerprint?: string };

const claimStreamOf = (principalId: string, key: string) =>
  `idempotency-${createHash('sha256').update(`${principalId}\u0000${key}`).digest('hex').slice(0, 32)}`;

const keyReused = (key: string, firstCommand: string | undefined) =>
  new DomainError(
    'conflict',
    'IDEMPOTENCY_KEY_REUSED',
    'Cette clé Idempotency-Key a déjà servi pour une autre commande ou un autre contenu : rien n’a été fait. ' +
      'Utilisez une nouvelle clé pour une nouvelle commande.',
    { idempotencyKey: key, firstCommand },
  );

/** Who claimed a key first, and with what: the claim stream of a principal's key holds one event. */
export const KEY_CLAIMED = 'idempotency.key_claimed';

function eventIdsOf(replay: 'by-event-ids' | 'by-decider', principalId: string, key: string, streamId: string) {
  if (replay === 'by-decider') return { eventId: (i: number) => eventIdFor(key, i, streamId) };
  return { eventId: (i: number) => eventIdFor(`${principalId}\u0000${key}`, i, streamId), replayByEventIds: true };
}

/** A digest of what a command asks: its name, its target and its inputs (key order does not matter). */
export function fingerprintOf(name: string, streamId: string, inputs: unknown): string {
  return createHash('sha256')
    .update(`${name}\u0000${streamId}\u0000${stringify(inputs ?? null)}`)
    .digest('hex')
    .slice(0, 32);
}
