import { type Decider, type DomainEvent, invalid } from '#kernel';
import type { RecordedEvent } from '#event-store';

/** A point of the log: a global position (inclusive) or an instant (events recorded at or before it). */
export type AsOf = Date | bigint;

export interface AsOfFold<S> {
  state: S;
  /** Events folded. */
  count: number;
  /** Revision of the last event folded (-1n: none). */
  revision: bigint;
  /** Global position of the last event folded (0n: none). */
  position: bigint;
  /** When the last event folded was recorded (null: none). */
  recordedAt: Date | null;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * `?asOf=` → a position ("1234") or an instant ("2023-10-01T12:00:00Z", "2023-10-01T14:00:00+02:00"; without an
 * offset it is read as UTC). A '+' decoded as a space from a query string is put back. Anything else: DomainError invalid.
 */
export function parseAsOf(raw: string): AsOf {
  const value = raw.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  if (/^\d{1,15}$/.test(value)) return BigInt(value);
  if (ISO_DATE_TIME.test(value)) {
    const withZone = /(?:Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
    const at = new Date(withZone);
    if (!Number.isNaN(at.getTime())) return at;
  }
  throw invalid('AS_OF_INVALID', 'asOf', 'a log position (integer >= 0) or an ISO 8601 date-time such as 2023-10-01T12:00:00Z');
}

export const asOfLabel = (asOf: AsOf): string => (typeof asOf === 'bigint' ? asOf.toString() : asOf.toISOString());

/** Whether the log up to `asOf` contains this event. */
export function isWithin(event: RecordedEvent, asOf: AsOf): boolean {
  return typeof asOf === 'bigint' ? event.position <= asOf : event.recordedAt.getTime() <= asOf.getTime();
}

/**
 * The state as it was at `asOf`, folded from the events of one stream (in revision order): the log is read up to
 * the first event past that point (a prefix: what a reader saw then).
 */
export function foldAsOf<S>(
  events: readonly RecordedEvent[],
  asOf: AsOf,
  decider: Pick<Decider<unknown, DomainEvent, S>, 'evolve' | 'initialState'>,
): AsOfFold<S> {
  let state = decider.initialState();
  let last: RecordedEvent | undefined;
  let count = 0;
  for (const event of events) {
    if (!isWithin(event, asOf)) break;
    state = decider.evolve(state, { type: event.type, data: event.data });
    last = event;
    count++;
  }
  return { state, count, revision: last?.revision ?? -1n, position: last?.position ?? 0n, recordedAt: last?.recordedAt ?? null };
}
