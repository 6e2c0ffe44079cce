import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { envelopeBalance } from './envelope.balance.js';
import type { CommitmentAmendment } from './envelope.commands.js';
import { ledgerMovementsOf } from './envelope.ledger.js';
import { cmd, euros, foldEvents, history, openHdf, paidThroughChain, stamp } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);
const MSP = { organisationId: '550999908', name: 'MSP de Spincourt', siret: '55099990800019' };
/** FIR Hauts-de-France 2023: €2.6M AE; EJ-1 of €100,000 on its act (advance €50,000 certified and paid). */
const committed = () =>
  history([
    { ...openHdf(), split: null },
    cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) }),
    cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'project-1', amountCents: euros(100_000) }),
    ...paidThroughChain('EJ-1', euros(50_000)),
  ]);
const amendment = (over: Partial<CommitmentAmendment>): CommitmentAmendment => ({
  actId: 'EJ-1',
  number: 1,
  kind: 'increase',
  amountCents: euros(120_000),
  fullySigned: true,
  payee: MSP,
  schedule: [
    { number: 1, kind: 'advance', amountCents: euros(50_000) },
    { number: 2, kind: 'balance', amountCents: euros(70_000) },
  ],
  ...over,
});
const adjust = (over: Partial<CommitmentAmendment> = {}) =>
  cmd('AdjustCommitment', { commitmentRef: 'EJ-1', amendment: amendment(over), reason: 'Avenant n° 1 du 3 avril 2024' });
const aeOf = (events: ReturnType<typeof history>) => envelopeBalance(foldEvents(events))!.years[0]!.ae;

describe('AdjustCommitment (the EJ follows a signed amendment of its act)', () => {
  it('an increase consumes AE of the exercise and takes the amended schedule', () => {
    const command = adjust();
    spec
      .given(committed())
      .when(command)
      .then([
        {
          type: 'envelope.commitment_adjusted',
          data: {
            ...stamp(command),
            year: 2023,
            commitmentRef: 'EJ-1',
            amendmentNumber: 1,
            kind: 'increase',
            actAmountCents: euros(120_000),
            deltaCents: euros(20_000),
            payee: MSP,
            schedule: amendment({}).schedule,
            reason: 'Avenant n° 1 du 3 avril 2024',
            adjustedBy: 'user-finance',
          },
        },
      ]);
    const after = history([command], committed());
    expect(aeOf(after)).toMatchObject({ committed: euros(120_000), available: euros(2_480_000) });
    expect(ledgerMovementsOf(after.at(-1)!)).toMatchObject([{ operation: 'avenant', aeDeltaCents: -euros(20_000) }]);
    spec.given(after).when(adjust()).thenThrows('ENVELOPE_AMENDMENT_APPLIED');
  });

  it('a reduction releases AE, never below what is certified; a change of payee moves nothing', () => {
    const reduced = history([adjust({ kind: 'reduction', amountCents: euros(60_000) })], committed());
    expect(aeOf(reduced)).toMatchObject({ committed: euros(100_000), released: euros(40_000) });
    spec
      .given(committed())
      .when(adjust({ kind: 'reduction', amountCents: euros(49_999) }))
      .thenThrows('ENVELOPE_AMENDMENT_BELOW_CERTIFIED', { unusedCents: euros(50_000), rule: 'never-below-certified' });
    const payee = { organisationId: '200054781', name: 'Communauté de communes du Pays de Spincourt', siret: '20005478100019' };
    spec
      .given(committed())
      .when(adjust({ kind: 'payee_change', amountCents: euros(100_000), payee }))
      .then((e) => expect(e[0]!.data).toMatchObject({ deltaCents: 0, payee }));
  });

  it('refuses an amendment not fully signed, of another act, or beyond the AE available', () => {
    spec
      .given(committed())
      .when(adjust({ fullySigned: false }))
      .thenThrows('ENVELOPE_AMENDMENT_NOT_SIGNED');
    spec
      .given(committed())
      .when(adjust({ actId: 'EJ-9' }))
      .thenThrows('ENVELOPE_AMENDMENT_OTHER_ACT');
    spec
      .given(committed())
      .when(adjust({ amountCents: euros(2_700_001) }))
      .thenThrows('ENVELOPE_INSUFFICIENT_AE', { availableCents: euros(2_500_000) });
  });

  it('after a release, a reduction brings the EJ down to the act and consumes nothing; an increase keeps what was released', () => {
    const released = history(
      [cmd('ReleaseCommitment', { commitmentRef: 'EJ-1', amountCents: euros(30_000), reason: 'Reliquat' })],
      committed(),
    );
    spec
      .given(released)
      .when(adjust({ kind: 'reduction', amountCents: euros(60_000) }))
      .then((e) => expect(e[0]!.data).toMatchObject({ deltaCents: -euros(10_000), actAmountCents: euros(60_000) }));
    spec
      .given(released)
      .when(adjust({ kind: 'reduction', amountCents: euros(90_000) }))
      .then((e) => expect(e[0]!.data).toMatchObject({ deltaCents: 0, actAmountCents: euros(90_000) }));
    const increased = history([adjust({ kind: 'increase', amountCents: euros(110_000) })], released);
    expect(aeOf(increased)).toMatchObject({ committed: euros(110_000), released: euros(30_000) });
  });

  it('an increase on a hard split stays within its share; on a soft one, it records the excess', () => {
    const split = (mode: 'soft' | 'hard') => cmd('SetSplit', { split: { mode, shares: { 'cts-32-2': euros(110_000) } } });
    const on = (mode: 'soft' | 'hard') =>
      history([
        { ...openHdf(), split: null },
        cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) }),
        split(mode),
        cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'project-1', amountCents: euros(100_000), splitKey: 'cts-32-2' }),
      ]);
    spec
      .given(on('hard'))
      .when(adjust())
      .thenThrows('ENVELOPE_SPLIT_EXCEEDED', { availableCents: euros(10_000) });
    spec
      .given(on('soft'))
      .when(adjust())
      .then((e) => expect(e.map((x) => x.type)).toEqual(['envelope.commitment_adjusted', 'envelope.split_exceeded']));
  });

  it('an amended schedule never takes an instalment below what was certified on it', () => {
    const halves = [
      { number: 1, kind: 'advance', amountCents: euros(50_000) },
      { number: 2, kind: 'balance', amountCents: euros(50_000) },
    ];
    const commit = cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'project-1', amountCents: euros(100_000) });
    const scheduled = history([
      { ...openHdf(), split: null },
      cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) }),
      { ...commit, act: { ...commit.act, schedule: halves } },
      cmd('RecordServiceDone', { commitmentRef: 'EJ-1', instalment: 2, amountCents: euros(50_000), reference: 'Bilan accepté' }),
    ]);
    const lower = [
      { number: 1, kind: 'advance', amountCents: euros(45_000) },
      { number: 2, kind: 'balance', amountCents: euros(49_999) },
    ];
    spec
      .given(scheduled)
      .when(adjust({ kind: 'reduction', amountCents: euros(94_999), schedule: lower }))
      .thenThrows('ENVELOPE_AMENDMENT_BELOW_CERTIFIED', { instalment: 2, certifiedCents: euros(50_000) });
  });
});
