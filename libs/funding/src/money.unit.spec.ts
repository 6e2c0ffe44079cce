import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '#kernel';
import { addCents, assertCents, centsFault, euroAmountFault, formatEuros, parseAmount, subCents, toDecimalString } from './money.js';

function ruleOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).category).toBe('invalid');
    expect((e as DomainError).code).toBe('INVALID_AMOUNT');
    expect((e as DomainError).details.field).toBe('amount');
    return (e as DomainError).details.rule as string;
  }
  return undefined;
}

describe('assertCents', () => {
  it('takes integer numbers as cents', () => {
    expect(assertCents(1_250_000, 'amount')).toBe(1_250_000);
    expect(assertCents(0, 'amount')).toBe(0);
    expect(Object.is(assertCents(-0, 'amount'), 0)).toBe(true);
    expect(assertCents(Number.MAX_SAFE_INTEGER, 'amount')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('names the field and the rule it refuses; a string is never cents', () => {
    expect(ruleOf(() => assertCents(12.5, 'amount'))).toBe('integer-cents');
    expect(ruleOf(() => assertCents(0.1 + 0.2, 'amount'))).toBe('integer-cents');
    expect(ruleOf(() => assertCents(Number.NaN, 'amount'))).toBe('integer-cents');
    expect(ruleOf(() => assertCents(Number.POSITIVE_INFINITY, 'amount'))).toBe('integer-cents');
    expect(ruleOf(() => assertCents(-1, 'amount'))).toBe('non-negative');
    expect(ruleOf(() => assertCents(Number.MAX_SAFE_INTEGER + 1, 'amount'))).toBe('safe-integer');
    for (const bad of ['5000', '50.00', null, undefined, {}, [], true, 10n]) expect(ruleOf(() => assertCents(bad, 'amount'))).toBe('type');
    expect(centsFault('5000')).toMatchObject({ rule: 'type', reason: expect.stringContaining('centimes') });
    expect(centsFault(5000)).toBeUndefined();
  });
});

describe('parseAmount (euros as a decimal string)', () => {
  it('refuses a number, even an integer: cents travel only in …Cents fields', () => {
    for (const n of [5000, 0, 1_250_000, 12.5, -1]) expect(ruleOf(() => parseAmount(n, 'amount'))).toBe('type');
    expect(euroAmountFault(5000)).toMatchObject({ rule: 'type', reason: expect.stringContaining('chaîne décimale') });
    expect(euroAmountFault('50.00')).toBeUndefined();
  });

  it('takes decimal strings as euros, with a dot or a comma and at most 2 decimals', () => {
    expect(parseAmount('12500.00', 'amount')).toBe(1_250_000);
    expect(parseAmount('12500,5', 'amount')).toBe(1_250_050);
    expect(parseAmount('0.07', 'amount')).toBe(7);
    expect(parseAmount('7', 'amount')).toBe(700);
    expect(parseAmount('500000000', 'amount')).toBe(50_000_000_000);
    expect(parseAmount('90071992547409.91', 'amount')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('names the field and the rule it refuses', () => {
    expect(ruleOf(() => parseAmount('-1.00', 'amount'))).toBe('non-negative');
    expect(ruleOf(() => parseAmount('90071992547409.92', 'amount'))).toBe('safe-integer');
    expect(ruleOf(() => parseAmount('99999999999999999999', 'amount'))).toBe('safe-integer');
    for (const bad of ['12.345', '1e3', '12 500,00', '', ' 12', '12.', '.5', '0x10', 'NaN', '+5', '12,5,0']) {
      expect(ruleOf(() => parseAmount(bad, 'amount'))).toBe('decimal-format');
    }
    for (const bad of [null, undefined, {}, [], true, 10n]) expect(ruleOf(() => parseAmount(bad, 'amount'))).toBe('type');
    expect(euroAmountFault('12.345')).toMatchObject({ rule: 'decimal-format', reason: expect.stringContaining('2 décimales') });
  });

  it('round-trips every safe amount through its decimal string', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (cents) => {
        expect(parseAmount(toDecimalString(cents), 'amount')).toBe(cents);
        expect(parseAmount(toDecimalString(cents).replace('.', ','), 'amount')).toBe(cents);
      }),
    );
  });
});

describe('formatEuros', () => {
  it('prints fr-FR with U+202F between thousands and U+00A0 before the euro sign', () => {
    expect(formatEuros(1_250_000)).toBe('12\u202f500,00\u00a0€');
    expect(formatEuros(0)).toBe('0,00\u00a0€');
    expect(formatEuros(5)).toBe('0,05\u00a0€');
    expect(formatEuros(50_000_000_000)).toBe('500\u202f000\u202f000,00\u00a0€');
    expect(formatEuros(260_000_050)).toBe('2\u202f600\u202f000,50\u00a0€');
  });

  it('matches Intl fr-FR on this runtime (CLDR >= 34)', () => {
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (cents) => {
        expect(formatEuros(cents)).toBe(intl.format(cents / 100));
      }),
    );
  });

  it('refuses what is not cents', () => {
    expect(() => formatEuros(1.5)).toThrow(DomainError);
    expect(() => formatEuros(-100)).toThrow(DomainError);
  });
});

describe('addCents / subCents', () => {
  it('adds and subtracts exactly', () => {
    expect(addCents(1, 2)).toBe(3);
    expect(subCents(5, 5)).toBe(0);
  });

  it('refuses to overflow or to go below zero', () => {
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(expect.objectContaining({ code: 'AMOUNT_OVERFLOW' }));
    expect(() => subCents(1, 2)).toThrow(expect.objectContaining({ code: 'AMOUNT_UNDERFLOW' }));
  });
});
