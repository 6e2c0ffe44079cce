import { createHash } from 'node:crypto';
import { DomainError, eventIdFor } from '#kernel';
import type { EventMetadata, EventStore } from '../event-store.port.js';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../event-store.errors.js';

/** Who claimed a key first, and with what: the first event of the key's claim stream. */
export const KEY_CLAIMED = 'idempotency.key_claimed';
/** Where the events of the claimed request are: the second event, written once they are appended. */
export const OUTCOME_RECORDED = 'idempotency.outcome_recorded';

export interface KeyClaim {
  command?: string;
  target?: string;
  fingerprint?: string;
  /** The target stream's revision when the key was claimed: its events can only come after it (absent on old claims). */
  after?: string;
}

export interface RecordedOutcome {
  streamId: string;
  firstRevision: string;
  eventIds: string[];
}

/** A key's claim stream: one per principal (or scope) and key. */
export const claimStreamOf = (scope: string, key: string) =>
  `idempotency-${createHash('sha256').update(`${scope}\u0000${key}`).digest('hex').slice(0, 32)}`;

export const keyReused = (key: string, firstCommand: string | undefined) =>
  new DomainError(
    'conflict',
    'IDEMPOTENCY_KEY_REUSED',
    'Cette clé Idempotency-Key a déjà servi pour une autre commande ou un autre contenu : rien n’a été fait. ' +
      'Utilisez une nouvelle clé pour une nouvelle commande.',
    { idempotencyKey: key, firstCommand },
  );

/**
 * The idempotency ledger: each key a principal sends is claimed in its own small stream before the command runs (so a
 * key reused for another command or body is refused before anything is done), then the outcome is recorded there, so a
 * retry finds its first outcome with two short reads whatever the length of the target stream.
 */
export class RequestLedger {
  constructor(private readonly store: EventStore) {}

  async read(scope: string, key: string): Promise<{ claim?: KeyClaim; outcome?: RecordedOutcome }> {
    const events = await this.store.readStream(claimStreamOf(scope, key), { maxCount: 2 });
    const claim = events[0]?.type === KEY_CLAIMED ? (events[0].data as KeyClaim) : undefined;
    const outcome = events[1]?.type === OUTCOME_RECORDED ? (events[1].data as RecordedOutcome) : undefined;
    return { ...(claim ? { claim } : {}), ...(outcome ? { outcome } : {}) };
  }

  /** Claims the key; true if this call did, false if the same command had (a retry, or the same request racing). */
  async claim(scope: string, key: string, claim: KeyClaim, metadata: EventMetadata): Promise<boolean> {
    const stream = claimStreamOf(scope, key);
    const event = { id: eventIdFor(`${scope}\u0000${key}`, 0, stream), type: KEY_CLAIMED, data: claim, metadata: { ...metadata } };
    try {
      await this.store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });
      return true;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) && !(error instanceof IdempotencyConflictError)) throw error;
      const first = (await this.read(scope, key)).claim;
      if (first?.fingerprint === claim.fingerprint) return false;
      throw keyReused(key, first?.command);
    }
  }

  /** Records where the request's events are; idempotent (a derived id at revision 1). */
  async recordOutcome(scope: string, key: string, outcome: RecordedOutcome, metadata: EventMetadata): Promise<void> {
    const stream = claimStreamOf(scope, key);
    const event = { id: eventIdFor(`${scope}\u0000${key}`, 1, stream), type: OUTCOME_RECORDED, data: outcome, metadata: { ...metadata } };
    await this.store.appendToStream(stream, [event], { expectedRevision: 0n });
  }
}
