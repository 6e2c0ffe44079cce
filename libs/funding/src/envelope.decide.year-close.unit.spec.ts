import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { envelopeBalance } from './envelope.balance.js';
import { cmd, ctx, euros, foldEvents, history, openHdf, orderedThroughChain, paidThroughChain, stamp } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);
const CP_NONE = { ae: { mode: 'all' as const }, cp: { mode: 'none' as const } };
/** FIR Hauts-de-France 2023–2024: €2.6M AE, €1M CP, EJ-1 of €2M with €800,000 paid in 2023. */
const year2023 = (carryOver: object = CP_NONE) =>
  history([
    { ...openHdf(), split: null, carryOver } as ReturnType<typeof openHdf>,
    cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) }),
    cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p1', amountCents: euros(2_000_000) }),
    ...paidThroughChain('EJ-1', euros(800_000)),
  ]);

describe('CloseYear: the carry-over is a declared property of the envelope', () => {
  it('carries unused AE and lapses unused CP under "CP none", recording the rule and what remains to pay', () => {
    const close = cmd('CloseYear', { year: 2023 });
    spec
      .given(year2023())
      .when(close)
      .then([
        {
          type: 'envelope.year_closed',
          data: {
            ...stamp(close),
            year: 2023,
            nextYear: 2024,
            aeCarriedCents: euros(600_000),
            aeLapsedCents: 0,
            cpCarriedCents: 0,
            cpLapsedCents: euros(200_000),
            carryOver: CP_NONE,
            cpCarryOverDecidedCents: null,
            remainingToPayCents: euros(1_200_000),
            unpaidOrders: [],
            unpaidOrdersReason: null,
          },
        },
      ]);
    const balance = envelopeBalance(foldEvents(history([close], year2023())))!;
    expect(balance.carryOver).toEqual(CP_NONE);
    expect(balance.years.map((y) => [y.year, y.closed, y.ae.available, y.cp.available])).toEqual([
      [2023, true, 0, 0],
      [2024, false, euros(600_000), 0],
    ]);
  });

  it('a FIR envelope opened without a rule keeps what it did not spend (its budget annex): AE and CP carried', () => {
    const events = history([{ ...openHdf(), split: null }, cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) })]);
    spec
      .given(events)
      .when(cmd('CloseYear', { year: 2023 }))
      .then((e) =>
        expect(e[0]!.data).toMatchObject({ aeCarriedCents: euros(2_600_000), cpCarriedCents: euros(1_000_000), cpLapsedCents: 0 }),
      );
  });

  it('caps the carry-over at the declared percentage; the close decides the CP carried within the cap', () => {
    const carryOver = { ae: { mode: 'percent' as const, percent: 10 }, cp: { mode: 'percent' as const, percent: 3 } };
    const events = history([{ ...openHdf(), split: null, carryOver }, cmd('NotifyCredits', { aeCents: 1_000_001, cpCents: 1_000_000 })]);
    spec
      .given(events)
      .when(cmd('CloseYear', { year: 2023 }))
      .then((e) => expect(e[0]!.data).toMatchObject({ aeCarriedCents: 100_000, aeLapsedCents: 900_001, cpCarriedCents: 30_000 }));
    spec
      .given(events)
      .when(cmd('CloseYear', { year: 2023, cpCarriedCents: 12_000 }))
      .then((e) => expect(e[0]!.data).toMatchObject({ cpCarriedCents: 12_000, cpLapsedCents: 988_000, cpCarryOverDecidedCents: 12_000 }));
    spec
      .given(events)
      .when(cmd('CloseYear', { year: 2023, cpCarriedCents: 30_001 }))
      .thenThrows('ENVELOPE_CARRY_OVER_ABOVE_CAP', { field: 'cpCarriedCents', capCents: 30_000 });
  });
});

describe('CloseYear never strands a commitment', () => {
  it('refuses while payment orders are unpaid, listing them; with a reason it closes and they are paid on the next CP', () => {
    const [orderRef, ordered] = orderedThroughChain('EJ-1', euros(300_000));
    const pending = history(ordered, year2023());
    spec
      .given(pending)
      .when(cmd('CloseYear', { year: 2023 }))
      .thenThrows('ENVELOPE_UNPAID_ORDERS', {
        orders: [{ commitmentRef: 'EJ-1', orderRef, amountCents: euros(300_000) }],
        totalCents: euros(300_000),
        field: 'unpaidOrdersReason',
      });
    const reason = 'Mandat transmis au comptable le 29 décembre, payé en janvier';
    const closed = history([cmd('CloseYear', { year: 2023, unpaidOrdersReason: reason })], pending);
    expect(closed.at(-1)!.data).toMatchObject({ unpaidOrders: [{ orderRef }], unpaidOrdersReason: reason });
    const funded = history([cmd('NotifyCredits', { aeCents: 0, cpCents: euros(500_000) })], closed);
    spec
      .given(funded)
      .when(cmd('PayInstalment', { commitmentRef: 'EJ-1', orderRef, ctx: ctx('accountant') }))
      .then((e) => expect(e.map((x) => [x.type, (x.data as { year: number }).year])).toEqual([['envelope.paid', 2024]]));
  });

  it('books later payments on the next year CP (a multi-year commitment)', () => {
    const events = history([cmd('CloseYear', { year: 2023 }), cmd('NotifyCredits', { aeCents: 0, cpCents: euros(500_000) })], year2023());
    const [tooMuch, orderedTooMuch] = orderedThroughChain('EJ-1', euros(500_001));
    spec
      .given(history(orderedTooMuch, events))
      .when(cmd('PayInstalment', { commitmentRef: 'EJ-1', orderRef: tooMuch, ctx: ctx('accountant') }))
      .thenThrows('ENVELOPE_INSUFFICIENT_CP', { year: 2024, availableCents: euros(500_000), requestedCents: euros(500_001) });
  });

  it('the last exercise refuses to close on what remains to pay; once released, the envelope closes and accepts nothing', () => {
    const events = history([cmd('CloseYear', { year: 2023 })], year2023());
    spec
      .given(events)
      .when(cmd('CloseYear', { year: 2023 }))
      .thenThrows('ENVELOPE_WRONG_YEAR', { currentYear: 2024, requestedYear: 2023 });
    spec
      .given(events)
      .when(cmd('CloseYear', { year: 2024 }))
      .thenThrows('ENVELOPE_REMAINING_TO_PAY', {
        remainingToPayCents: euros(1_200_000),
        commitments: [{ commitmentRef: 'EJ-1', remainingToPayCents: euros(1_200_000) }],
        rule: 'never-strand-a-commitment',
      });
    const [, ordered] = orderedThroughChain('EJ-1', euros(1_000));
    spec
      .given(history(ordered, events))
      .when(cmd('CloseYear', { year: 2024, unpaidOrdersReason: 'payé en janvier' }))
      .thenThrows('ENVELOPE_REMAINING_TO_PAY', { rule: 'never-strand-a-commitment' });
    const released = history([cmd('ReleaseCommitment', { commitmentRef: 'EJ-1', reason: 'Action terminée' })], events);
    const closed = history([cmd('CloseYear', { year: 2024 })], released);
    expect(closed.at(-1)!.data).toMatchObject({ year: 2024, nextYear: null, aeCarriedCents: 0, remainingToPayCents: 0 });
    spec
      .given(closed)
      .when(cmd('Commit', { commitmentRef: 'EJ-2', projectId: 'p2', amountCents: 1 }))
      .thenThrows('ENVELOPE_CLOSED');
  });
});
