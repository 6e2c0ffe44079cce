import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsCents, IsEuroAmount, IsEuroAmountMap } from './amount.validators.js';

class Body {
  @IsEuroAmount() amount!: unknown;
  @IsCents() amountCents!: unknown;
  @IsEuroAmountMap() shares!: unknown;
}

const failures = (plain: Record<string, unknown>) =>
  validateSync(plainToInstance(Body, { amount: '1.00', amountCents: 100, shares: { a: '1.00' }, ...plain })).flatMap((e) =>
    Object.entries(e.constraints ?? {}).map(([rule, detail]) => ({ field: e.property, rule, detail })),
  );

describe('the amount rule of request DTOs', () => {
  it('takes euros as decimal strings and integer cents only in …Cents fields', () => {
    expect(failures({})).toEqual([]);
    expect(failures({ amount: '12500,5', amountCents: 0, shares: { 'CTS-32-80': '433333.33', 'CTS-32-02': '0' } })).toEqual([]);
  });

  it('refuses a number where euros are due, a string where cents are due, naming the rule with a French reason', () => {
    const euros = (detail: string) => [{ field: 'amount', rule: 'isEuroAmount', detail: expect.stringContaining(detail) }];
    expect(failures({ amount: 5000 })).toEqual(euros('chaîne décimale'));
    expect(failures({ amount: '12.345' })).toEqual(euros('2 décimales'));
    expect(failures({ amount: '-1.00' })).toEqual(euros('négatif'));
    const cents = [{ field: 'amountCents', rule: 'isCents', detail: expect.stringContaining('entier') }];
    expect(failures({ amountCents: '5000' })).toEqual(cents);
    expect(failures({ amountCents: -1 })).toEqual([expect.objectContaining({ field: 'amountCents', rule: 'isCents' })]);
    const shares = failures({ shares: { a: '1.00', b: 100 } });
    expect(shares).toEqual([{ field: 'shares', rule: 'isEuroAmountMap', detail: expect.stringContaining('« b »') }]);
    expect(failures({ shares: ['1.00'] })).toEqual([expect.objectContaining({ field: 'shares', rule: 'isEuroAmountMap' })]);
  });

  it('cannot be put on a field whose name breaks the rule', () => {
    expect(() => {
      class Wrong {
        @IsEuroAmount() amountCents!: string;
      }
      return Wrong;
    }).toThrow('@IsCents()');
    expect(() => {
      class Wrong {
        @IsCents() amount!: number;
      }
      return Wrong;
    }).toThrow('…Cents');
  });
});
