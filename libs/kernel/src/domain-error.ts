/**
 * Coded domain errors. The category is what the HTTP edge maps to a status (one place:
 * apps/api/src/errors/problem-details.ts); the domain never knows about HTTP.
 */
export type DomainErrorCategory =
  | 'invalid' // a field breaks a rule → 400
  | 'unauthenticated' // no valid credentials → 401
  | 'forbidden' // role or territory not allowed → 403
  | 'not_found' // → 404
  | 'conflict' // illegal in the current state, insufficient credits → 409
  | 'stale' // the caller's view is out of date (If-Match) → 412
  | 'unavailable'; // a dependency is down or behind; retry → 503

export class DomainError extends Error {
  constructor(
    readonly category: DomainErrorCategory,
    /** Stable machine code, e.g. PROJECT_ILLEGAL_TRANSITION, ENVELOPE_INSUFFICIENT_AE. */
    readonly code: string,
    /** What a person reads (French): the problem's `detail`. */
    message: string,
    /** Facts for the caller: the field and rule, current state and allowed actions, amounts… */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A field breaking a rule; `detail` (French) replaces the default sentence. */
export function invalid(code: string, field: string, rule: string, extra: Record<string, unknown> & { detail?: string } = {}): DomainError {
  const { detail, ...facts } = extra;
  return new DomainError('invalid', code, detail ?? `Le champ « ${field} » ne respecte pas la règle : ${rule}.`, { field, rule, ...facts });
}
