import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import stringify from 'safe-stable-stringify';
import {
  EVENT_STORE,
  type EventStore,
  type HandleCommandResult,
  RequestLedger,
  type SnapshotPolicy,
  handleCommand,
  handleRequest,
  keyReused,
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
   * Long streams (envelopes): keep the folded state between commands (memory, snapshots) and answer a retry from the
   * idempotency ledger, so that a command costs the same at the 3,000th event as at the first (handleRequest). Without it,
   * the stream is read and folded whole, and a retry is found among its events.
   */
  snapshots?: SnapshotPolicy<S>;
  /** With `snapshots`: checks run only when the command is decided, not when a retry is answered with its first outcome. */
  precondition?: (state: S) => Promise<void>;
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
  ) {
    this.ledger = new RequestLedger(store);
  }

  private readonly ledger: RequestLedger;

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
    const common = {
      store: this.store,
      streamId,
      decider: c.decider,
      command: c.command,
      metadata: { ...metadata },
      ...(meta.expectedRevision === undefined ? {} : { ifMatch: meta.expectedRevision }),
      ...(c.retries === undefined ? {} : { retries: c.retries }),
    };
    if (c.snapshots) {
      // Every key is claimed there, the processes' too (the claim is what tells a first run from a retry), theirs only
      // once there is something to write: a refused step of a process writes nothing.
      const claim = meta.principal.role === 'system' ? ('before-writing' as const) : ('before-deciding' as const);
      return handleRequest({
        ...common,
        snapshots: c.snapshots,
        ...(c.precondition ? { precondition: c.precondition } : {}),
        ...(key ? { request: { scope: meta.principal.id, key, fingerprint, command: c.name, claim } } : {}),
      });
    }
    // A person's key names one command on one target: claimed first, so a reuse elsewhere is refused before anything is done.
    // The processes derive theirs from the events they react to: each names one command by construction.
    if (key && meta.principal.role !== 'system') {
      await this.ledger.claim(meta.principal.id, key, { command: c.name, target: streamId, fingerprint }, { ...metadata });
    }
    return handleCommand({
      ...common,
      fingerprint,
      ...(key ? { eventId: (i: number) => eventIdFor(`${meta.principal.id}\u0000${key}`, i, streamId), replayByEventIds: true } : {}),
    });
  }

  /**
   * Before a command with side effects elsewhere (a declaration registering its holder): is the Idempotency-Key free, or
   * already this very command (a retry)? A key used for another command is refused here, before anything is written.
   */
  async assertKeyFreeFor(c: Pick<AggregateCommand<unknown, unknown>, 'name' | 'streamId' | 'inputs' | 'meta'>): Promise<void> {
    const key = c.meta.idempotencyKey;
    if (!key || c.meta.principal.role === 'system') return;
    const first = (await this.ledger.read(c.meta.principal.id, key)).claim;
    if (first && first.fingerprint !== fingerprintOf(c.name, c.streamId, c.inputs)) throw keyReused(key, first.command);
  }
}

/** A digest of what a command asks: its name, its target and its inputs (key order does not matter). */
export function fingerprintOf(name: string, streamId: string, inputs: unknown): string {
  return createHash('sha256')
    .update(`${name}\u0000${streamId}\u0000${stringify(inputs ?? null)}`)
    .digest('hex')
    .slice(0, 32);
}
