import { DomainError } from '#kernel';

/**
 * An amount of money in integer euro cents: a safe integer >= 0. A plain number (not a brand)
 * so that callers can build commands without casts; every entry point checks it with `assertCents`.
 */
export type Cents = number;

const DECIMAL = /^(\d+)(?:[.,](\d{1,2}))?$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

const amountError = (field: string, rule: string, message: string) =>
  new DomainError('invalid', 'INVALID_AMOUNT', `${field}: ${message}`, { field, rule });

/**
 * Parses an amount crossing the API:
 * - a number is integer cents: 1250000 → 1250000 (12.5 as a number is refused: floats never carry money);
 * - a string is decimal euros, '.' or ',' before at most 2 decimals: "12500.00" → 1250000, "12500,5" → 1250050, "7" → 700.
 * Refused (DomainError 'invalid', code INVALID_AMOUNT, details { field, rule }): rule 'type' (neither number nor
 * string), 'integer-cents' (non-integer or non-finite number), 'non-negative', 'decimal-format' (bad string, more
 * than 2 decimals, signs, spaces, exponents), 'safe-integer' (more than Number.MAX_SAFE_INTEGER cents).
 */
export function parseAmount(input: unknown, field: string): Cents {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || !Number.isInteger(input))
      throw amountError(field, 'integer-cents', 'a number must be an integer number of cents');
    if (input < 0) throw amountError(field, 'non-negative', 'must be >= 0');
    if (!Number.isSafeInteger(input)) throw amountError(field, 'safe-integer', 'exceeds Number.MAX_SAFE_INTEGER cents');
    return input === 0 ? 0 : input; // -0 → 0
  }
  if (typeof input === 'string') {
    if (input.trim().startsWith('-')) throw amountError(field, 'non-negative', 'must be >= 0');
    const m = DECIMAL.exec(input);
    if (!m) throw amountError(field, 'decimal-format', 'must be a decimal string of euros with at most 2 decimals, e.g. "12500.00"');
    const cents = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
    if (cents > MAX) throw amountError(field, 'safe-integer', 'exceeds Number.MAX_SAFE_INTEGER cents');
    return Number(cents);
  }
  throw amountError(field, 'type', 'must be integer cents (number) or a decimal string of euros');
}

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Guards an amount already typed as cents (commands built in code): same errors as parseAmount. */
export function assertCents(value: unknown, field: string): Cents {
  if (typeof value !== 'number') throw amountError(field, 'type', 'must be integer cents');
  return parseAmount(value, field);
}

export function addCents(a: Cents, b: Cents): Cents {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw new DomainError('invalid', 'AMOUNT_OVERFLOW', `${a} + ${b} cents exceeds Number.MAX_SAFE_INTEGER`, { rule: 'safe-integer' });
  }
  return sum;
}

export function subCents(a: Cents, b: Cents): Cents {
  const diff = a - b;
  if (diff < 0 || !Number.isSafeInteger(diff)) {
    throw new DomainError('invalid', 'AMOUNT_UNDERFLOW', `${a} - ${b} cents is below zero`, { rule: 'non-negative' });
  }
  return diff;
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce(addCents, 0);
}

/** U+202F NARROW NO-BREAK SPACE: the thousands separator of fr-FR in CLDR >= 34 (Node with full ICU). */
export const THOUSANDS_SEPARATOR = '\u202f';
/** U+00A0 NO-BREAK SPACE: between the amount and the euro sign. */
export const CURRENCY_SPACE = '\u00a0';

/**
 * fr-FR display, computed by hand so that it never depends on the ICU version:
 * 1250000 → "12 500,00 €" where the group separator is U+202F and the space before "€" is U+00A0
 * (exactly what `Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })` prints on this runtime).
 */
export function formatEuros(cents: Cents): string {
  const value = assertCents(cents, 'cents');
  const euros = String(Math.floor(value / 100)).replace(/\B(?=(\d{3})+$)/g, THOUSANDS_SEPARATOR);
  return `${euros},${String(value % 100).padStart(2, '0')}${CURRENCY_SPACE}€`;
}

/** Canonical decimal string for the API: 1250050 → "12500.50". */
export function toDecimalString(cents: Cents): string {
  const value = assertCents(cents, 'cents');
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}
