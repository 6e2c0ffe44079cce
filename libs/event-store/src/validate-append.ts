import type { EventToAppend, ExpectedRevision } from './event-store.port.js';
import { InvalidAppendError } from './event-store.errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$/;
const NAMED_REVISIONS = new Set<unknown>(['no_stream', 'stream_exists', 'any']);

/** Checks shared by every adapter, before anything is written. */
export function validateAppend(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): void {
  if (typeof streamId !== 'string' || !STREAM_ID.test(streamId) || streamId.startsWith('$')) {
    throw new InvalidAppendError(`streamId "${streamId}" must match ${STREAM_ID}`);
  }
  if (!(typeof expected === 'bigint' ? expected >= 0n : NAMED_REVISIONS.has(expected))) {
    throw new InvalidAppendError(`expectedRevision ${String(expected)} is not a revision >= 0 nor no_stream|stream_exists|any`);
  }
  // `as unknown`: Array.isArray would narrow `events` to any[] and drop the element type below.
  if (!Array.isArray(events as unknown) || events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  const ids = new Set<string>();
  for (const e of events) {
    if (typeof e.id !== 'string' || !UUID.test(e.id)) throw new InvalidAppendError(`event id "${e.id}" is not a UUID`);
    if (ids.has(e.id)) throw new InvalidAppendError(`event id ${e.id} appears twice in one append`);
    ids.add(e.id);
    if (typeof e.type !== 'string' || e.type.length === 0 || e.type.length > 200) {
      throw new InvalidAppendError(`event ${e.id}: type must be a non-empty string`);
    }
    if (e.data === null || typeof e.data !== 'object') throw new InvalidAppendError(`event ${e.id}: data must be an object`);
    if (e.schemaVersion !== undefined && (!Number.isInteger(e.schemaVersion) || e.schemaVersion < 1)) {
      throw new InvalidAppendError(`event ${e.id}: schemaVersion must be an integer >= 1`);
    }
  }
}

/**
 * Plain JSON.stringify (a replacer costs ~2x on the append path). A bigint is refused; NaN and
 * Infinity become null as JSON defines, which the domain never produces (money is integer cents).
 */
export function toJson(value: unknown, what: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new InvalidAppendError(`${what}: not serializable as JSON (${(error as Error).message}); encode bigint as strings`);
  }
}
