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
});
