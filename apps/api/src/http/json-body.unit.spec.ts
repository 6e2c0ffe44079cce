import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#kernel';
import { MAX_BODY_DEPTH, jsonDepth, parseJsonBody } from './json-body.js';

const refusal = (text: string) => {
  try {
    parseJsonBody(text);
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, ...error.details } : error;
  }
  throw new Error('accepted');
};

describe('parseJsonBody', () => {
  it('parses ordinary bodies, integers and decimal strings as JSON.parse does', () => {
    const text = '{"ae": "12500.00", "cp": 0, "n": -3, "list": [1, {"x": "1.5"}], "reason": "1.5 \\" 2e3"}';
    expect(parseJsonBody(text)).toEqual(JSON.parse(text));
  });

  it('refuses a number written with a fraction or an exponent, naming its field path', () => {
    expect(refusal('{"ae": 100, "cp": 1250.00}')).toMatchObject({ code: 'INVALID_AMOUNT', field: 'cp', rule: 'integer-cents' });
    expect(refusal('{"amount": 1e3}')).toMatchObject({ field: 'amount' });
    expect(refusal('{"split": {"mode": "soft", "shares": {"CTS-44-55": 10.5}}}')).toMatchObject({ field: 'split.shares.CTS-44-55' });
    expect(refusal('{"lines": [{"amountCents": 1}, {"amountCents": 2.0}]}')).toMatchObject({ field: 'lines.1.amountCents' });
    expect(refusal('12.5')).toMatchObject({ field: '(racine)' });
  });

  it('refuses bodies nested deeper than the limit before parsing them, however deep', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parseJsonBody(nested(MAX_BODY_DEPTH))).toBeDefined();
    expect(refusal(nested(MAX_BODY_DEPTH + 1))).toMatchObject({ code: 'BODY_TOO_DEEP', field: 'body' });
    expect(refusal(nested(1_000_000))).toMatchObject({ code: 'BODY_TOO_DEEP' });
    expect(jsonDepth('{"a": "[[[[{{{{", "b": [[1]]}')).toBe(3);
    expect(jsonDepth('["\\"[[[", [2]]')).toBe(2);
  });

  it('refuses malformed JSON as a 400, not a crash', () => {
    expect(refusal('{"a": ')).toMatchObject({ code: 'INVALID_JSON', field: 'body', rule: 'json' });
  });
});
