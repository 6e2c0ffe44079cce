/**
 * Coded domain errors. The category is what the HTTP edge maps to a status (one place:
 * apps/api/src/errors/domain-error.filter.ts); the domain never knows about HTTP.
 */
export type DomainErrorCategory =
  | 'invalid' // a field breaks a rule → 400
  | 'forbidden' // role or territory not allowed → 403
  | 'not_found' // → 404
  | 'conflict' // illegal in the current state, insufficient credits → 409
  | 'stale'; // the caller's view is out of date (If-Match) → 412

export class DomainError extends Error {
  constructor(
    readonly category: DomainErrorCategory,
    /** Stable machine code, e.g. PROJECT_ILLEGAL_TRANSITION, ENVELOPE_INSUFFICIENT_AE. */
    readonly code: string,
    message: string,
    /** Facts for the caller: the field and rule, current state and allowed actions, amounts… */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, field: string, rule: string, extra: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, `${field}: ${rule}`, { field, rule, ...extra });
