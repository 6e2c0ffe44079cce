import { randomUUID } from 'node:crypto';
import { type Decider, type DomainEvent, DomainError } from '#kernel';
import type { AppendResult, EventMetadata, EventStore, ExpectedRevision, RecordedEvent } from './event-store.port.js';
import { IdempotencyConflictError, WrongExpectedRevisionError } from './event-store.errors.js';

export interface HandleCommandOptions<C, S> {
  store: EventStore;
  streamId: string;
  decider: Decider<C, DomainEvent, S>;
  command: C;
  /** Metadata stamped on every event (actor, role, scope, occurredAt, correlation/causation ids). */
  metadata: EventMetadata;
  /** Deterministic event ids (e.g. derived from an Idempotency-Key) so that a retry is idempotent in the store. */
  eventId?: (index: number, event: DomainEvent) => string;
  /** The revision the caller saw (If-Match): a mismatch is `stale`, never retried. */
  ifMatch?: bigint;
  /** Re-read, re-fold and re-decide this many times on a concurrent write (optimistic concurrency). */
  retries?: number;
  /**
   * With `eventId`: if the stream already holds the first id, the command was handled before
   * (a retry of the same Idempotency-Key): answer that first outcome and write nothing.
   */
  replayByEventIds?: boolean;
  /**
   * A digest of the command and its inputs, stored in the metadata as `fingerprint`: a replay whose first event
   * carries another one is the same key reused on another command or body, refused (409 IDEMPOTENCY_KEY_REUSED).
   */
  fingerprint?: string;
}

export interface HandleCommandResult<S> {
  events: DomainEvent[];
  state: S;
  /** undefined when the decision produced no event (nothing appended). */
  append?: AppendResult;
  /** Revision of the stream after the command (-1n: still no stream). */
  revision: bigint;
  /** True when this was a retry answered from the log. */
  replayed?: boolean;
  /** The ids of `events` as stored (appended now or, on a retry, first); given by handleRequest. */
  eventIds?: string[];
}

/** The thin application shell: read → fold → decide → append with the expected revision. */
export async function handleCommand<C, S>(o: HandleCommandOptions<C, S>): Promise<HandleCommandResult<S>> {
  for (let attempt = 0; ; attempt++) {
    const history = await o.store.readStream(o.streamId);
    const revision = history.length === 0 ? -1n : history[history.length - 1]!.revision;
    let state = foldRecorded(o.decider, history);
    // A retry is answered before If-Match is compared: its first run moved the revision the client saw.
    if (o.replayByEventIds && o.eventId) {
      const replay = replayFrom(history, o.eventId, state);
      if (replay) return checkedReplay(replay, history, o);
    }
    if (o.ifMatch !== undefined && o.ifMatch !== revision) {
      throw new DomainError(
        'stale',
        'STALE_REVISION',
        `${o.streamId} est à la révision ${revision}, pas ${o.ifMatch} : rechargez avant de modifier.`,
        {
          expected: String(o.ifMatch),
          actual: String(revision),
        },
      );
    }
    const events = o.decider.decide(o.command, state);
    if (events.length === 0) return { events, state, revision };
    const expectedRevision: ExpectedRevision = revision < 0n ? 'no_stream' : revision;
    try {
      const append = await o.store.appendToStream(
        o.streamId,
        events.map((e, i) => ({ id: o.eventId?.(i, e) ?? randomUUID(), type: e.type, data: e.data, metadata: o.metadata })),
        { expectedRevision },
      );
      for (const e of events) state = o.decider.evolve(state, e);
      return { events, state, append, revision: append.nextRevision };
    } catch (error) {
      // The same request running twice at once: the first appended these ids; re-read, and answer this one as its replay.
      if (attempt < 3 && (await raced(o, error))) continue;
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (o.ifMatch !== undefined) {
        throw new DomainError('stale', 'STALE_REVISION', `${o.streamId} a été modifié entre-temps : rechargez avant de modifier.`, {
          expected: String(o.ifMatch),
        });
      }
      if (attempt >= (o.retries ?? 0)) {
        throw new DomainError(
          'conflict',
          'CONCURRENT_MODIFICATION',
          `${o.streamId} a été modifié en même temps par une autre requête ; réessayez.`,
          {
            attempts: attempt + 1,
          },
        );
      }
    }
  }
}

async function raced<C, S>(o: HandleCommandOptions<C, S>, error: unknown): Promise<boolean> {
  if (!o.replayByEventIds || !o.eventId) return false;
  if (!(error instanceof IdempotencyConflictError) && !(error instanceof WrongExpectedRevisionError)) return false;
  const firstId = o.eventId(0, { type: '', data: {} });
  return (await o.store.readStream(o.streamId)).some((e) => e.id === firstId);
}

function checkedReplay<C, S>(replay: HandleCommandResult<S>, history: readonly RecordedEvent[], o: HandleCommandOptions<C, S>) {
  const firstId = o.eventId!(0, { type: '', data: {} });
  const first = history.find((e) => e.id === firstId);
  const stored = first?.metadata['fingerprint'];
  // Events written before fingerprints were stored cannot tell: they are answered as retries, as they were then.
  if (o.fingerprint !== undefined && stored !== undefined && stored !== o.fingerprint) {
    throw new DomainError(
      'conflict',
      'IDEMPOTENCY_KEY_REUSED',
      'Cette clé Idempotency-Key a déjà servi pour une autre commande ou un autre ' +
        'contenu : rien n’a été fait. Utilisez une nouvelle clé pour une nouvelle commande.',
      {
        idempotencyKey: o.metadata['idempotencyKey'],
        firstCommand: first?.metadata['command'],
      },
    );
  }
  return replay;
}

function replayFrom<S>(
  history: readonly RecordedEvent[],
  eventId: (index: number, event: DomainEvent) => string,
  state: S,
): HandleCommandResult<S> | undefined {
  const none = { type: '', data: {} };
  const start = history.findIndex((e) => e.id === eventId(0, none));
  if (start < 0) return undefined;
  let end = start;
  while (end + 1 < history.length && history[end + 1]!.id === eventId(end + 1 - start, none)) end++;
  const written = history.slice(start, end + 1);
  const last = written[written.length - 1]!;
  return {
    events: written.map((e) => ({ type: e.type, data: e.data })),
    state,
    append: { nextRevision: last.revision, position: last.position },
    revision: history[history.length - 1]!.revision,
    replayed: true,
  };
}

export function foldRecorded<S>(
  decider: Pick<Decider<unknown, DomainEvent, S>, 'evolve' | 'initialState'>,
  history: readonly RecordedEvent[],
): S {
  let state = decider.initialState();
  for (const e of history) state = decider.evolve(state, { type: e.type, data: e.data });
  return state;
}
