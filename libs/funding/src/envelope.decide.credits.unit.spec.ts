import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { envelopeBalance } from './envelope.balance.js';
import {
  FIP_NATIONAL,
  HDF,
  cmd,
  ctx,
  euros,
  foldEvents,
  history,
  openFipNational,
  openHdf,
  orderedThroughChain,
  paidThroughChain,
  stamp,
} from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);

describe('OpenEnvelope', () => {
  it('opens one stream per (fund, territory, period) with the default carry-over (AE all, CP none)', () => {
    const open = openFipNational();
    spec
      .given([])
      .when(open)
      .then([
        {
          type: 'envelope.opened',
          data: {
            ...stamp(open),
            envelopeId: FIP_NATIONAL,
            fund: 'fip',
            territoryCode: 'national',
            period: { fromYear: 2023, toYear: 2027 },
            label: 'FIP national 2023-2027',
            parentId: null,
            ceilingCents: euros(500_000_000),
            carryOver: { ae: { mode: 'all' }, cp: { mode: 'none' } },
            split: null,
          },
        },
      ]);
  });

  it('refuses a second opening, other roles, bad periods, parents of another fund', () => {
    spec
      .given(history([openHdf()]))
      .when(openHdf())
      .thenThrows('ENVELOPE_ALREADY_OPENED');
    spec
      .given([])
      .when({ ...openHdf(), ctx: ctx('validator') })
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN', { role: 'validator', allowedRoles: ['finance', 'admin'] });
    spec
      .given([])
      .when({ ...openHdf(), period: { fromYear: 2024, toYear: 2023 } })
      .thenThrows('ENVELOPE_INVALID_PERIOD');
    spec
      .given([])
      .when({ ...openHdf(), parentId: FIP_NATIONAL })
      .thenThrows('ENVELOPE_INVALID_PARENT');
    spec
      .given([])
      .when({ ...openHdf(), split: { mode: 'soft', shares: { 'cts-1': 1.5 } } })
      .thenThrows('INVALID_AMOUNT', { field: 'split.shares.cts-1' });
    spec
      .given([])
      .when({ ...openHdf(), carryOver: { ae: { mode: 'percent', percent: 101 }, cp: { mode: 'none' } } })
      .thenThrows('ENVELOPE_INVALID_CARRY_OVER');
  });
});

describe('NotifyCredits / ReduceCredits', () => {
  const given = () => history([openFipNational()]);

  it('notifies the year, then increases', () => {
    const first = cmd('NotifyCredits', { aeCents: euros(150_000_000), cpCents: euros(100_000_000), ctx: ctx('admin') });
    spec
      .given(given())
      .when(first)
      .then([
        {
          type: 'envelope.credits_notified',
          data: {
            ...stamp(first),
            year: 2023,
            kind: 'notification',
            aeCents: euros(150_000_000),
            cpCents: euros(100_000_000),
            reason: null,
          },
        },
      ]);
    const more = cmd('NotifyCredits', { aeCents: euros(1_000), cpCents: 0 });
    spec
      .given(history([first], given()))
      .when(more)
      .then((events) => expect(events[0]!.data).toMatchObject({ kind: 'increase', aeCents: euros(1_000), cpCents: 0 }));
  });

  it('refuses to notify beyond the programme ceiling (FIP: €500M over 2023–2027)', () => {
    const events = history([cmd('NotifyCredits', { aeCents: euros(450_000_000), cpCents: euros(100_000_000) })], given());
    spec
      .given(events)
      .when(cmd('NotifyCredits', { aeCents: euros(50_000_001), cpCents: 0 }))
      .thenThrows('ENVELOPE_CEILING_EXCEEDED', {
        kind: 'AE',
        ceilingCents: euros(500_000_000),
        notifiedCents: euros(450_000_000),
        availableCents: euros(50_000_000),
        requestedCents: euros(50_000_001),
      });
    spec
      .given(events)
      .when(cmd('NotifyCredits', { aeCents: euros(50_000_000), cpCents: 0 }))
      .then((e) => expect(e).toHaveLength(1));
  });

  it('refuses zero, fractional or negative amounts and other roles', () => {
    spec
      .given(given())
      .when(cmd('NotifyCredits', { aeCents: 0, cpCents: 0 }))
      .thenThrows('INVALID_AMOUNT', { rule: 'positive' });
    spec
      .given(given())
      .when(cmd('NotifyCredits', { aeCents: 10.5, cpCents: 0 }))
      .thenThrows('INVALID_AMOUNT', { field: 'aeCents', rule: 'integer-cents' });
    spec
      .given(given())
      .when(cmd('NotifyCredits', { aeCents: -1, cpCents: 0 }))
      .thenThrows('INVALID_AMOUNT', { rule: 'non-negative' });
    spec
      .given(given())
      .when(cmd('NotifyCredits', { aeCents: 1, cpCents: 1, ctx: ctx('system') }))
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN');
    spec
      .given([])
      .when(cmd('NotifyCredits', { aeCents: 1, cpCents: 1 }))
      .thenThrows('ENVELOPE_NOT_FOUND');
  });

  it('reduces with a reason, never below what is committed or notified', () => {
    const events = history(
      [
        cmd('NotifyCredits', { aeCents: 1_000, cpCents: 500 }),
        cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p1', amountCents: 700, on: FIP_NATIONAL }),
      ],
      given(),
    );
    spec
      .given(events)
      .when(cmd('ReduceCredits', { aeCents: 300, cpCents: 0, reason: '' }))
      .thenThrows('REASON_REQUIRED');
    spec
      .given(events)
      .when(cmd('ReduceCredits', { aeCents: 301, cpCents: 0, reason: 'gel' }))
      .thenThrows('ENVELOPE_INSUFFICIENT_AE', { availableCents: 300, requestedCents: 301 });
    spec
      .given(events)
      .when(cmd('ReduceCredits', { aeCents: 0, cpCents: 501, reason: 'gel' }))
      .thenThrows('ENVELOPE_REDUCTION_EXCEEDS_NOTIFIED', { kind: 'CP', notifiedCents: 500 });
    const reduce = cmd('ReduceCredits', { aeCents: 300, cpCents: 500, reason: 'gel budgétaire' });
    spec
      .given(events)
      .when(reduce)
      .then([
        { type: 'envelope.credits_reduced', data: { ...stamp(reduce), year: 2023, aeCents: 300, cpCents: 500, reason: 'gel budgétaire' } },
      ]);
  });
});

describe('SetSplit', () => {
  it('sets or removes the indicative split', () => {
    const set = cmd('SetSplit', { split: { mode: 'hard', shares: { 'cts-32-1': 100 } }, reason: 'avis CTS' });
    spec
      .given(history([openHdf()]))
      .when(set)
      .then([
        { type: 'envelope.split_set', data: { ...stamp(set), split: { mode: 'hard', shares: { 'cts-32-1': 100 } }, reason: 'avis CTS' } },
      ]);
    spec
      .given(history([openHdf()]))
      .when(cmd('SetSplit', { split: { mode: 'strict' as never, shares: { a: 1 } } }))
      .thenThrows('ENVELOPE_INVALID_SPLIT');
  });

  it('refuses a hard split below what a key already has committed (a soft one is allowed)', () => {
    const committed = history(
      [
        cmd('NotifyCredits', { aeCents: 1_000, cpCents: 0 }),
        cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p', amountCents: 300, splitKey: 'cts-32-1' }),
      ],
      history([openHdf()]),
    );
    spec
      .given(committed)
      .when(cmd('SetSplit', { split: { mode: 'hard', shares: { 'cts-32-1': 299 } } }))
      .thenThrows('ENVELOPE_SPLIT_BELOW_COMMITTED', { splitKey: 'cts-32-1', shareCents: 299, committedCents: 300 });
    spec
      .given(committed)
      .when(cmd('SetSplit', { split: { mode: 'soft', shares: { 'cts-32-1': 299 } } }))
      .then((e) => expect(e).toHaveLength(1));
    spec
      .given(committed)
      .when(cmd('SetSplit', { split: { mode: 'hard', shares: { 'cts-32-1': 300 } } }))
      .then((e) => expect(e).toHaveLength(1));
  });
});

describe('CloseYear', () => {
  const year2023 = () =>
    history([
      openHdf(),
      cmd('SetSplit', { split: null }),
      cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) }),
      cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p1', amountCents: euros(2_000_000) }),
      ...paidThroughChain('EJ-1', euros(800_000)),
    ]);

  it('carries unused AE and lapses unused CP by default, and opens the next year', () => {
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
          },
        },
      ]);
    const balance = envelopeBalance(foldEvents(history([close], year2023())))!;
    expect(balance.currentYear).toBe(2024);
    expect(balance.years.map((y) => [y.year, y.closed, y.ae.available, y.cp.available])).toEqual([
      [2023, true, 0, 0],
      [2024, false, euros(600_000), 0],
    ]);
  });

  it('caps the carry-over at the declared percentage of the year credits', () => {
    const open = {
      ...openHdf(),
      split: null,
      carryOver: { ae: { mode: 'percent' as const, percent: 10 }, cp: { mode: 'percent' as const, percent: 3 } },
    };
    const events = history([open, cmd('NotifyCredits', { aeCents: 1_000_001, cpCents: 1_000_000 })]);
    spec
      .given(events)
      .when(cmd('CloseYear', { year: 2023 }))
      .then((e) =>
        expect(e[0]!.data).toMatchObject({
          aeCarriedCents: 100_000,
          aeLapsedCents: 900_001,
          cpCarriedCents: 30_000,
          cpLapsedCents: 970_000,
        }),
      );
  });

  it('closes the envelope with its last year: everything lapses, nothing more is accepted', () => {
    const events = history([cmd('CloseYear', { year: 2023 })], year2023());
    spec
      .given(events)
      .when(cmd('CloseYear', { year: 2023 }))
      .thenThrows('ENVELOPE_WRONG_YEAR', { currentYear: 2024, requestedYear: 2023 });
    const closed = history([cmd('CloseYear', { year: 2024 })], events);
    expect(closed.at(-1)!.data).toMatchObject({ year: 2024, nextYear: null, aeLapsedCents: euros(600_000), aeCarriedCents: 0 });
    spec
      .given(closed)
      .when(cmd('Commit', { commitmentRef: 'EJ-2', projectId: 'p2', amountCents: 1 }))
      .thenThrows('ENVELOPE_CLOSED');
    spec
      .given(closed)
      .when(cmd('NotifyCredits', { aeCents: 1, cpCents: 0 }))
      .thenThrows('ENVELOPE_CLOSED');
  });

  it('books later payments on the next year CP (a multi-year commitment)', () => {
    const events = history([cmd('CloseYear', { year: 2023 }), cmd('NotifyCredits', { aeCents: 0, cpCents: euros(500_000) })], year2023());
    const [tooMuch, orderedTooMuch] = orderedThroughChain('EJ-1', euros(500_001));
    spec
      .given(history(orderedTooMuch, events))
      .when(cmd('PayInstalment', { commitmentRef: 'EJ-1', orderRef: tooMuch, ctx: ctx('accountant') }))
      .thenThrows('ENVELOPE_INSUFFICIENT_CP', { year: 2024, availableCents: euros(500_000), requestedCents: euros(500_001) });
    const [orderRef, ordered] = orderedThroughChain('EJ-1', euros(500_000));
    const before = history(ordered, events);
    expect(before.slice(-2).map((x) => [x.type, (x.data as { year: number }).year])).toEqual([
      ['envelope.service_done', 2024],
      ['envelope.payment_ordered', 2024],
    ]);
    spec
      .given(before)
      .when(cmd('PayInstalment', { commitmentRef: 'EJ-1', orderRef, ctx: ctx('accountant') }))
      .then((e) => expect(e.map((x) => [x.type, (x.data as { year: number }).year])).toEqual([['envelope.paid', 2024]]));
  });
});

it('names the HDF stream envelope fir-ars-32-2023-2024', () => {
  expect(foldEvents(history([openHdf()]))).toMatchObject({ envelopeId: HDF, status: 'open', currentYear: 2023 });
});
