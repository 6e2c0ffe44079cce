import { DomainError } from '#kernel';

/**
 * An amount of money in integer euro cents: a safe integer >= 0. A plain number (not a brand)
 * so that callers can build commands without casts; every entry point checks it with `assertCents`.
 */
export type Cents = number;

/**
 * The one amount rule on the wire: a field whose name ends in `Cents` holds integer cents (a JSON number);
 * every other money field holds euros as a decimal string ("12500.00"), never a number.
 */
export interface AmountFault {
  /** 'type', 'integer-cents', 'non-negative', 'decimal-format' or 'safe-integer'. */
  rule: string;
  /** What is wrong, in French. */
  reason: string;
}

const DECIMAL = /^(\d+)(?:[.,](\d{1,2}))?$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const fault = (rule: string, reason: string): AmountFault => ({ rule, reason });
const TOO_BIG = fault('safe-integer', 'dépasse le plus grand montant représentable (Number.MAX_SAFE_INTEGER centimes)');
const NEGATIVE = fault('non-negative', 'un montant ne peut pas être négatif');
const NOT_A_STRING = fault(
  'type',
  'un montant en euros s’écrit en chaîne décimale (« 12500.00 »), jamais en nombre ; ' + 'les centimes entiers vont dans les champs …Cents',
);
const NOT_DECIMAL = fault(
  'decimal-format',
  'doit être une chaîne décimale d’euros avec au plus 2 décimales, ' + 'sans espace ni signe (« 12500.00 »)',
);
const NOT_A_NUMBER = fault('type', 'doit être un nombre entier de centimes (un champ …Cents ne prend pas de chaîne)');
const NOT_INTEGER = fault('integer-cents', 'doit être un nombre entier de centimes');

function readEuros(input: unknown): Cents | AmountFault {
  if (typeof input !== 'string') return NOT_A_STRING;
  if (input.trim().startsWith('-')) return NEGATIVE;
  const m = DECIMAL.exec(input);
  if (!m) return NOT_DECIMAL;
  const cents = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  return cents > MAX ? TOO_BIG : Number(cents);
}

function readCents(input: unknown): Cents | AmountFault {
  if (typeof input !== 'number') return NOT_A_NUMBER;
  if (!Number.isFinite(input) || !Number.isInteger(input)) return NOT_INTEGER;
  if (input < 0) return NEGATIVE;
  if (!Number.isSafeInteger(input)) return TOO_BIG;
  return input === 0 ? 0 : input; // -0 → 0
}

const isFault = (v: Cents | AmountFault): v is AmountFault => typeof v === 'object';
const amountError = (field: string, problem: AmountFault) =>
  new DomainError('invalid', 'INVALID_AMOUNT', `${field} : ${problem.reason}.`, { field, rule: problem.rule });

/** Why `input` is not euros as a decimal string; undefined when it is one. */
export function euroAmountFault(input: unknown): AmountFault | undefined {
  const read = readEuros(input);
  return isFault(read) ? read : undefined;
}

/** Why `input` is not integer cents; undefined when it is. */
export function centsFault(input: unknown): AmountFault | undefined {
  const read = readCents(input);
  return isFault(read) ? read : undefined;
}

/**
 * Euros as a decimal string, '.' or ',' before at most 2 decimals, to cents: "12500.00" → 1250000, "12500,5" → 1250050,
 * "7" → 700. A number is refused (rule 'type'): integer cents travel only in `…Cents` fields (see assertCents).
 * Refused (DomainError 'invalid', code INVALID_AMOUNT, details { field, rule }): rule 'type', 'non-negative',
 * 'decimal-format' (bad string, more than 2 decimals, signs, spaces, exponents), 'safe-integer' (more than
 * Number.MAX_SAFE_INTEGER cents).
 */
export function parseAmount(input: unknown, field: string): Cents {
  const read = readEuros(input);
  if (isFault(read)) throw amountError(field, read);
  return read;
}

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Guards integer cents (a `…Cents` field, a command built in code): rule 'type' (not a number), 'integer-cents'
 * (non-integer or non-finite), 'non-negative', 'safe-integer'.
 */
export function assertCents(value: unknown, field: string): Cents {
  const read = readCents(value);
  if (isFault(read)) throw amountError(field, read);
  return read;
}

export function addCents(a: Cents, b: Cents): Cents {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw new DomainError('invalid', 'AMOUNT_OVERFLOW', `La somme de ${a} et ${b} centimes dépasse le plus grand entier sûr.`, {
      rule: 'safe-integer',
    });
  }
  return sum;
}

export function subCents(a: Cents, b: Cents): Cents {
  const diff = a - b;
  if (diff < 0 || !Number.isSafeInteger(diff)) {
    throw new DomainError('invalid', 'AMOUNT_UNDERFLOW', `${a} moins ${b} centimes serait négatif.`, { rule: 'non-negative' });
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
