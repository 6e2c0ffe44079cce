import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { FIP_NATIONAL, HDF, cmd, ctx, euros, foldEvents, history, openFipNational, openHdf, stamp } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);

describe('OpenEnvelope', () => {
  it('opens one stream per (fund, territory, period) with its fund’s carry-over (FIP: AE all, CP within 3 %)', () => {
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
            carryOver: { ae: { mode: 'all' }, cp: { mode: 'percent', percent: 3 } },
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

it('names the HDF stream envelope fir-ars-32-2023-2024', () => {
  expect(foldEvents(history([openHdf()]))).toMatchObject({ envelopeId: HDF, status: 'open', currentYear: 2023 });
});
