import { describe, expect, it } from '@jest/globals';
import type { EnvelopeCommand } from './envelope.commands.js';
import type { EnvelopeEvent } from './envelope.events.js';
import { envelopeDecider } from './envelope.decider.js';
import { envelopeBalance } from './envelope.balance.js';
import { type LedgerMovement, ledgerCommitmentOf, ledgerMovementsOf } from './envelope.ledger.js';
import { type EnvelopeState } from './envelope.state.js';
import { formatEuros } from './money.js';
import { cmd, ctx, paidThroughChain, recoveredThroughTitle } from '../test/envelope.fixtures.js';

const stamp = { requestId: 'r', fingerprint: 'f' };
const e = <T extends EnvelopeEvent['type']>(type: T, data: Record<string, unknown>) =>
  ({ type, data: { ...stamp, year: 2023, ...data } }) as unknown as Extract<EnvelopeEvent, { type: T }>;
const row = (m: LedgerMovement) => [m.operation, m.year, m.aeDeltaCents, m.cpDeltaCents, m.commitmentRef, m.projectId, m.reason];

describe('the ledger rows of each envelope event, signed from the envelope’s available credit', () => {
  const cases: [EnvelopeEvent, [string, number, number]][] = [
    [e('envelope.credits_notified', { kind: 'notification', aeCents: 500, cpCents: 200, reason: null }), ['notification', 500, 200]],
    [e('envelope.credits_notified', { kind: 'increase', aeCents: 50, cpCents: 20, reason: 'x' }), ['abondement', 50, 20]],
    [e('envelope.credits_reduced', { aeCents: 30, cpCents: 10, reason: 'gel' }), ['réduction', -30, -10]],
    [e('envelope.allocated_to_child', { childId: 'c', aeCents: 100, cpCents: 40, reason: null }), ['délégation', -100, -40]],
    [e('envelope.allocation_received', { parentId: 'p', parentEventId: 'x', aeCents: 100, cpCents: 40 }), ['délégation reçue', 100, 40]],
    [e('envelope.transferred', { toId: 't', aeCents: 70, cpCents: 5, reason: 'r' }), ['transfert', -70, -5]],
    [e('envelope.transfer_received', { fromId: 's', sourceEventId: 'x', aeCents: 70, cpCents: 5, reason: 'r' }), ['transfert reçu', 70, 5]],
    [
      e('envelope.committed', { commitmentRef: 'EJ', projectId: 'p1', amountCents: 900, splitKey: null, reason: null }),
      ['engagement', -900, 0],
    ],
    [e('envelope.commitment_released', { commitmentRef: 'EJ', amountCents: 90, reason: 'solde' }), ['désengagement', 90, 0]],
    [e('envelope.paid', { commitmentRef: 'EJ', amountCents: 400, instalment: 1 }), ['paiement', 0, -400]],
    [e('envelope.recovered', { commitmentRef: 'EJ', amountCents: 40, reason: 'trop-perçu' }), ['reversement', 0, 40]],
  ];
  it.each(cases.map(([event, expected]) => [event.type, expected.join(' '), event, expected] as const))(
    '%s: %s',
    (_t, _x, event, [operation, ae, cp]) => {
      const [m, ...more] = ledgerMovementsOf(event);
      expect(more).toEqual([]);
      expect([m!.operation, m!.aeDeltaCents, m!.cpDeltaCents, m!.year]).toEqual([operation, ae, cp, 2023]);
    },
  );

  it('names the counterpart envelope of delegations and transfers in the motive', () => {
    const motive = (event: EnvelopeEvent) => ledgerMovementsOf(event)[0]!.reason;
    expect(motive(e('envelope.allocated_to_child', { childId: 'fip-academie-09-2023', aeCents: 1, cpCents: 1, reason: null }))).toBe(
      'vers fip-academie-09-2023',
    );
    expect(motive(e('envelope.transferred', { toId: 'b', aeCents: 1, cpCents: 1, reason: 'Redéploiement' }))).toBe(
      'Redéploiement (vers b)',
    );
    expect(motive(e('envelope.allocation_received', { parentId: 'n', parentEventId: 'x', aeCents: 1, cpCents: 1 }))).toBe('de n');
  });

  it('service done, splits and the opening move no money: no row', () => {
    for (const type of ['envelope.service_done', 'envelope.split_set', 'envelope.split_exceeded', 'envelope.opened'] as const)
      expect(ledgerMovementsOf(e(type, { commitmentRef: 'EJ', amountCents: 10, split: null }))).toEqual([]);
  });

  it('a year close: carried out of the year (−) into the next (+), the rest lapses as « crédits non reportés » (−)', () => {
    const close = e('envelope.year_closed', {
      nextYear: 2024,
      aeCarriedCents: 300,
      aeLapsedCents: 20,
      cpCarriedCents: 0,
      cpLapsedCents: 70,
    });
    expect(ledgerMovementsOf(close).map(row)).toEqual([
      ['report sortant', 2023, -300, 0, null, null, 'vers l’exercice 2024'],
      ['report entrant', 2024, 300, 0, null, null, 'de l’exercice 2023'],
      ['crédits non reportés', 2023, -20, -70, null, null, 'clôture de l’exercice 2023'],
    ]);
    const last = e('envelope.year_closed', { nextYear: null, aeCarriedCents: 0, aeLapsedCents: 5, cpCarriedCents: 0, cpLapsedCents: 0 });
    expect(ledgerMovementsOf(last).map(row)).toEqual([['crédits non reportés', 2023, -5, 0, null, null, 'clôture de l’exercice 2023']]);
    const empty = e('envelope.year_closed', { nextYear: null, aeCarriedCents: 0, aeLapsedCents: 0, cpCarriedCents: 0, cpLapsedCents: 0 });
    expect(ledgerMovementsOf(empty).map(row)).toEqual([['clôture de l’exercice', 2023, 0, 0, null, null, null]]);
  });

  it('a collected recovery: CP restored for the exercise’s payments, a receipt row (no credit) for an earlier exercise’s', () => {
    const collected = e('envelope.recovery_collected', {
      commitmentRef: 'EJ',
      titleRef: 'TP-2025-7',
      amountCents: 1_500_00,
      restoredCents: 1_000_00,
      receiptCents: 500_00,
      reason: 'Bilan partiellement accepté',
      collectedBy: 'comptable',
    });
    expect(ledgerMovementsOf(collected).map(row)).toEqual([
      ['reversement', 2023, 0, 1_000_00, 'EJ', null, 'Bilan partiellement accepté (titre n° TP-2025-7)'],
      [
        'recette (exercice antérieur)',
        2023,
        0,
        0,
        'EJ',
        null,
        `${formatEuros(500_00)} reversés sur un paiement d’un exercice antérieur : Bilan partiellement accepté (titre n° TP-2025-7)`,
      ],
    ]);
    expect(ledgerMovementsOf(e('envelope.recovery_ordered', { commitmentRef: 'EJ', amountCents: 1 }))).toEqual([]);
  });

  it('a commitment gives its project, award act, EJ number and payee to its later rows; older events have none', () => {
    const older = e('envelope.committed', { commitmentRef: 'EJ', projectId: 'p1', amountCents: 9, splitKey: null, reason: null });
    expect(ledgerCommitmentOf(older)).toEqual({ projectId: 'p1', awardActId: null, ejNumber: null, payee: null });
    const payee = { organisationId: 'org-1', siret: '21550029800019', name: 'Commune de Bar-le-Duc' };
    const newer = e('envelope.committed', { ...older.data, awardActId: 'ARR-2023-12', ejNumber: '2103456789', payee });
    expect(ledgerCommitmentOf(newer)).toEqual({ projectId: 'p1', awardActId: 'ARR-2023-12', ejNumber: '2103456789', payee });
    expect(ledgerCommitmentOf(e('envelope.paid', { commitmentRef: 'EJ', amountCents: 1, instalment: 1 }))).toBeUndefined();
  });
});

/** Runs commands through the decider; after each one, the ledger sums of every exercise must equal its available credits. */
function runChecked(commands: EnvelopeCommand[]): { state: EnvelopeState; events: EnvelopeEvent[] } {
  let state = envelopeDecider.initialState();
  const events: EnvelopeEvent[] = [];
  for (const command of commands) {
    for (const event of envelopeDecider.decide(command, state)) {
      state = envelopeDecider.evolve(state, event);
      events.push(event);
    }
    const sums = new Map<number, [number, number]>();
    for (const m of events.flatMap(ledgerMovementsOf)) {
      const [ae, cp] = sums.get(m.year) ?? [0, 0];
      sums.set(m.year, [ae + m.aeDeltaCents, cp + m.cpDeltaCents]);
    }
    const years = envelopeBalance(state)!.years;
    expect([command.type, years.map((y) => [y.year, sums.get(y.year) ?? [0, 0]])]).toEqual([
      command.type,
      years.map((y) => [y.year, [y.ae.available, y.cp.available]]),
    ]);
  }
  return { state, events };
}

describe('the ledger sums are the available credits, exercise by exercise (every money operation, two years)', () => {
  it('notification, increase, reduction, commitment, payment, recovery, release, a year close, payment and close again', () => {
    const fin = ctx('finance');
    const { events } = runChecked([
      cmd('OpenEnvelope', {
        fund: 'fip',
        territoryCode: 'academie-09',
        period: { fromYear: 2023, toYear: 2024 },
        carryOver: { ae: { mode: 'percent', percent: 50 }, cp: { mode: 'all' } },
        ctx: ctx('admin'),
      }),
      cmd('NotifyCredits', { aeCents: 100_000, cpCents: 50_000, ctx: fin }),
      cmd('NotifyCredits', { aeCents: 10_000, cpCents: 5_000, kind: 'increase', ctx: fin }),
      cmd('ReduceCredits', { aeCents: 2_000, cpCents: 1_000, reason: 'mise en réserve', ctx: fin }),
      cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'p1', amountCents: 30_000, ctx: fin, on: 'fip-academie-09-2023-2024' }),
      ...paidThroughChain('EJ-1', 10_000, fin),
      ...recoveredThroughTitle('EJ-1', 2_000, 'trop-perçu', fin),
      cmd('ReleaseCommitment', { commitmentRef: 'EJ-1', amountCents: 5_000, reason: 'avenant', ctx: fin }),
      cmd('CloseYear', { year: 2023, ctx: fin }),
      ...paidThroughChain('EJ-1', 7_000, fin),
      cmd('OrderRecovery', { commitmentRef: 'EJ-1', titleRef: 'TP-2024-1', amountCents: 9_000, reason: 'bilan', ctx: fin }),
      cmd('CollectRecovery', { commitmentRef: 'EJ-1', titleRef: 'TP-2024-1', amountCents: 9_000, ctx: ctx('accountant') }),
      cmd('ReleaseCommitment', { commitmentRef: 'EJ-1', reason: 'solde', ctx: fin }),
      cmd('CloseYear', { year: 2024, ctx: fin }),
    ]);
    const operations = events.flatMap(ledgerMovementsOf).map((m) => `${m.year} ${m.operation}`);
    expect(operations).toEqual([
      '2023 notification',
      '2023 abondement',
      '2023 réduction',
      '2023 engagement',
      '2023 paiement',
      '2023 reversement',
      '2023 désengagement',
      '2023 report sortant',
      '2024 report entrant',
      '2023 crédits non reportés',
      '2024 paiement',
      '2024 reversement',
      '2024 recette (exercice antérieur)',
      '2024 désengagement',
      '2024 crédits non reportés',
    ]);
  });
});
