import { describe, expect, it } from '@jest/globals';
import { moneyFieldFaults } from '../support/money-fields.js';

describe('the amount rule on answers (test/support/money-fields.ts)', () => {
  it('passes …Cents integers, declared counts and years, and fr-FR text under display', () => {
    expect(
      moneyFieldFaults({
        envelopeId: 'fip-academie-12-2023',
        ae: { notifiedCents: 5000, availableCents: 0 },
        years: [{ year: 2023, cp: { paidCents: 1 } }],
        commitments: { count: 1 },
        display: { ae: { notified: '50,00\u00a0€' } },
        payments: [{ amountCents: 600_000, display: '6\u202f000,00\u00a0€' }],
        outcome: [{ data: { split: { mode: 'soft', shares: { 'CTS-32-80': 43_333_333 } } } }],
      }),
    ).toEqual([]);
  });

  it('names each money field that breaks the rule', () => {
    expect(moneyFieldFaults({ ae: { notified: 5000 } })).toEqual([expect.stringContaining('$.ae.notified: a number named "notified"')]);
    const funnel = { items: [{ figures: { granted_cents: 1 } }] };
    expect(moneyFieldFaults(funnel)).toEqual([expect.stringContaining('$.items[0].figures.granted_cents')]);
    expect(moneyFieldFaults({ grantedCents: '12500.00' })).toEqual([expect.stringContaining('holds a number')]);
    expect(moneyFieldFaults({ paidCents: 12.5 })).toEqual([expect.stringContaining('integer cents')]);
    expect(moneyFieldFaults({ payments: [{ amount: '6\u202f000,00\u00a0€' }] })).toEqual([expect.stringContaining('outside "display"')]);
    expect(moneyFieldFaults({ shares: { a: 1.5 } })).toEqual([expect.stringContaining('cents by key')]);
  });
});
