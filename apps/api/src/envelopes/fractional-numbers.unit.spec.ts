import { describe, expect, it } from '@jest/globals';
import { fractionalNumberField } from './fractional-numbers.js';

describe('fractionalNumberField', () => {
  it('names the key of a number written with a fraction or an exponent, outside strings', () => {
    expect(fractionalNumberField('{"ae": 100, "cp": 1250.00}')).toBe('cp');
    expect(fractionalNumberField('{"amount": 1e3}')).toBe('amount');
    expect(fractionalNumberField('{"split": {"mode": "soft", "shares": {"CTS-44-55": 10.5}}}')).toBe('split.shares.CTS-44-55');
    expect(fractionalNumberField('{"reason": "x: 1.5 \\" y: 2.5", "ae": -3}')).toBeNull();
    expect(fractionalNumberField('{"ae": "12500.00", "cp": 0}')).toBeNull();
    expect(fractionalNumberField('12.5')).toBe('(root)');
  });
});
