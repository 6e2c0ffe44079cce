import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { outstandingRecoveries } from './envelope.state.js';
import { cmd, ctx, euros, foldEvents, history, openHdf, paidThroughChain, stamp } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);
const accountant = ctx('accountant', 'comptable-ars-32');
/** FIR Hauts-de-France 2023–2024, EJ-1 of €100,000 with €50,000 paid in 2023. */
const paid = () =>
  history([
    openHdf(),
    cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) }),
    cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'project-1', amountCents: euros(100_000), splitKey: 'cts-32-2' }),
    ...paidThroughChain('EJ-1', euros(50_000)),
  ]);
const order = (amount: number, titleRef = 'TR-2023-118') =>
  cmd('OrderRecovery', { commitmentRef: 'EJ-1', titleRef, amountCents: euros(amount), reason: 'Trop-perçu sur l’avance' });
const collect = (amount: number, titleRef = 'TR-2023-118') =>
  cmd('CollectRecovery', { commitmentRef: 'EJ-1', titleRef, amountCents: euros(amount), ctx: accountant });
const cpOf = (events: ReturnType<typeof history>, year: number) => {
  const s = foldEvents(events);
  return s.status === 'open' ? s.years[year]!.cp : undefined;
};

describe('OrderRecovery (titre de recettes for the FIR, titre de perception for the FIP)', () => {
  it('records the title with its kind, reason and issuer, and moves no credit', () => {
    const issue = order(20_000);
    spec
      .given(paid())
      .when(issue)
      .then([
        {
          type: 'envelope.recovery_ordered',
          data: {
            ...stamp(issue),
            year: 2023,
            commitmentRef: 'EJ-1',
            titleRef: 'TR-2023-118',
            titleKind: 'titre_de_recettes',
            amountCents: euros(20_000),
            reason: 'Trop-perçu sur l’avance',
            orderedBy: 'user-finance',
          },
        },
      ]);
    expect(cpOf(history([issue], paid()), 2023)).toMatchObject({ consumed: euros(50_000), restored: 0 });
  });

  it('claims at most what was paid and is not claimed by another title', () => {
    const claimed = history([order(30_000)], paid());
    spec
      .given(claimed)
      .when(order(20_001, 'TR-2023-119'))
      .thenThrows('ENVELOPE_RECOVERY_EXCEEDS_PAID', { availableCents: euros(20_000), rule: 'at-most-paid' });
    spec.given(claimed).when(order(1, 'TR-2023-118')).thenThrows('ENVELOPE_RECOVERY_TITLE_EXISTS');
  });

  it('needs a reason, and is finance’s: the accountant does not issue titles', () => {
    spec
      .given(paid())
      .when(cmd('OrderRecovery', { commitmentRef: 'EJ-1', titleRef: 'T', amountCents: 1, reason: ' ' }))
      .thenThrows('REASON_REQUIRED');
    spec
      .given(paid())
      .when({ ...order(1), ctx: accountant })
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN');
  });
});

describe('CollectRecovery (the accountant)', () => {
  const claimed = () => history([order(20_000)], paid());

  it('collects in parts, showing what is outstanding; a payment of the same exercise gets its CP back', () => {
    const first = collect(5_000);
    spec
      .given(claimed())
      .when(first)
      .then([
        {
          type: 'envelope.recovery_collected',
          data: {
            ...stamp(first),
            year: 2023,
            commitmentRef: 'EJ-1',
            titleRef: 'TR-2023-118',
            amountCents: euros(5_000),
            restoredCents: euros(5_000),
            receiptCents: 0,
            reason: 'Trop-perçu sur l’avance',
            collectedBy: 'comptable-ars-32',
          },
        },
      ]);
    const after = history([first], claimed());
    const s = foldEvents(after);
    expect(s.status === 'open' && outstandingRecoveries(s.commitments.get('EJ-1')!)).toBe(euros(15_000));
    expect(cpOf(after, 2023)).toMatchObject({ restored: euros(5_000), receipts: 0 });
    spec
      .given(after)
      .when(collect(15_001))
      .thenThrows('ENVELOPE_RECOVERY_EXCEEDS_TITLE', { availableCents: euros(15_000), rule: 'at-most-outstanding' });
  });

  it('on a payment of an earlier exercise, is a receipt: no CP of the new exercise is restored', () => {
    const nextYear = history([cmd('CloseYear', { year: 2023 }), order(20_000)], paid());
    const events = history([collect(20_000)], nextYear);
    expect(events.at(-1)!.data).toMatchObject({ year: 2024, restoredCents: 0, receiptCents: euros(20_000) });
    expect(cpOf(events, 2024)).toMatchObject({ restored: 0, receipts: euros(20_000) });
    const s = foldEvents(events);
    expect(s.status === 'open' && s.commitments.get('EJ-1')).toMatchObject({ paid: euros(50_000), recovered: euros(20_000) });
  });

  it('is the accountant’s, never the title’s issuer, and names the title', () => {
    spec
      .given(claimed())
      .when({ ...collect(1), ctx: ctx('finance') })
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN');
    spec
      .given(claimed())
      .when({ ...collect(1), ctx: ctx('accountant', 'user-finance') })
      .thenThrows('SEPARATION_OF_DUTIES', { rule: 'issuer-never-collects' });
    spec.given(claimed()).when(collect(1, 'TR-404')).thenThrows('ENVELOPE_RECOVERY_TITLE_NOT_FOUND', { field: 'titleRef' });
  });
});
