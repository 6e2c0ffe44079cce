import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { HDF, cmd, ctx, euros, foldEvents, history, openHdf, stamp } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);
/** FIR Hauts-de-France 2023: €2.6M AE, €1M CP, soft split over 6 CTS (cts-32-1: €600k, the others €400k). */
const funded = (mode: 'soft' | 'hard' = 'soft') =>
  history([openHdf(mode), cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) })]);
const commitEj1 = () => cmd('Commit', { commitmentRef: 'EJ-1', projectId: 'project-1', amountCents: euros(100_000), splitKey: 'cts-32-2' });
const withEj1 = () => history([commitEj1()], funded());

describe('Commit (engagement juridique)', () => {
  it('consumes AE of the current year, naming the award act, its EJ number and the payee', () => {
    const commit = commitEj1();
    spec
      .given(funded())
      .when(commit)
      .then([
        {
          type: 'envelope.committed',
          data: {
            ...stamp(commit),
            year: 2023,
            commitmentRef: 'EJ-1',
            projectId: 'project-1',
            amountCents: euros(100_000),
            splitKey: 'cts-32-2',
            reason: null,
            awardActId: 'EJ-1',
            actAmountCents: euros(100_000),
            ejNumber: 'EJ-EJ-1',
            payee: { organisationId: '550999908', name: 'MSP de Spincourt', siret: '55099990800019' },
          },
        },
      ]);
  });

  it('refuses more than the AE available, naming available and requested', () => {
    spec
      .given(withEj1())
      .when(cmd('Commit', { commitmentRef: 'EJ-2', projectId: 'p2', amountCents: euros(2_500_001), splitKey: 'cts-32-1' }))
      .thenThrows('ENVELOPE_INSUFFICIENT_AE', {
        envelopeId: HDF,
        year: 2023,
        availableCents: euros(2_500_000),
        requestedCents: euros(2_500_001),
      });
  });

  it('a commitment is a person’s act (finance): not the funding process (system), nor holders, nor validators', () => {
    spec
      .given(funded())
      .when({ ...commitEj1(), ctx: ctx('system') })
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN', { allowedRoles: ['finance', 'admin'] });
    spec
      .given(funded())
      .when({ ...commitEj1(), ctx: ctx('holder') })
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN');
    spec
      .given(funded())
      .when({ ...commitEj1(), ctx: ctx('validator') })
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN');
  });

  it('refuses a reference already committed, zero amounts and unknown split keys', () => {
    spec.given(withEj1()).when(commitEj1()).thenThrows('ENVELOPE_COMMITMENT_EXISTS', { commitmentRef: 'EJ-1' });
    spec
      .given(funded())
      .when({ ...commitEj1(), amountCents: 0 })
      .thenThrows('INVALID_AMOUNT', { field: 'amountCents', rule: 'positive' });
    spec
      .given(funded())
      .when({ ...commitEj1(), splitKey: 'cts-99-9' })
      .thenThrows('ENVELOPE_UNKNOWN_SPLIT_KEY', { field: 'splitKey' });
    spec
      .given(funded())
      .when({ ...commitEj1(), commitmentRef: '' })
      .thenThrows('ENVELOPE_INVALID_TEXT', { field: 'commitmentRef' });
  });

  it('records an alert, and still commits, beyond a soft split share', () => {
    const over = cmd('Commit', { commitmentRef: 'EJ-2', projectId: 'p2', amountCents: euros(300_001), splitKey: 'cts-32-2' });
    spec
      .given(withEj1())
      .when(over)
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['envelope.committed', 'envelope.split_exceeded']);
        expect(events[1]).toEqual({
          type: 'envelope.split_exceeded',
          data: {
            ...stamp(over),
            splitKey: 'cts-32-2',
            commitmentRef: 'EJ-2',
            shareCents: euros(400_000),
            committedCents: euros(400_001),
            excessCents: 100,
          },
        });
      });
    spec
      .given(withEj1())
      .when({ ...over, amountCents: euros(300_000) })
      .then((e) => expect(e.map((x) => x.type)).toEqual(['envelope.committed']));
  });

  it('blocks beyond a hard split share, and requires a key', () => {
    const hard = history([commitEj1()], funded('hard'));
    spec
      .given(hard)
      .when(cmd('Commit', { commitmentRef: 'EJ-2', projectId: 'p2', amountCents: euros(300_001), splitKey: 'cts-32-2' }))
      .thenThrows('ENVELOPE_SPLIT_EXCEEDED', {
        splitKey: 'cts-32-2',
        shareCents: euros(400_000),
        committedCents: euros(100_000),
        requestedCents: euros(300_001),
        availableCents: euros(300_000),
      });
    spec
      .given(hard)
      .when(cmd('Commit', { commitmentRef: 'EJ-2', projectId: 'p2', amountCents: 1 }))
      .thenThrows('ENVELOPE_SPLIT_KEY_REQUIRED');
  });
});

describe('ReleaseCommitment', () => {
  it('releases the unused part (all of it by default), restoring AE and the split share', () => {
    const release = cmd('ReleaseCommitment', { commitmentRef: 'EJ-1', reason: 'projet abandonné' });
    spec
      .given(withEj1())
      .when(release)
      .then([
        {
          type: 'envelope.commitment_released',
          data: { ...stamp(release), year: 2023, commitmentRef: 'EJ-1', amountCents: euros(100_000), reason: 'projet abandonné' },
        },
      ]);
    const state = foldEvents(history([release], withEj1()));
    expect(state.status === 'open' && [state.splitCommitted['cts-32-2'], state.years[2023]!.ae.restored]).toEqual([0, euros(100_000)]);
  });

  it('refuses without a reason, beyond the unused part, on unknown commitments', () => {
    const certified = history(
      [cmd('RecordServiceDone', { commitmentRef: 'EJ-1', amountCents: euros(60_000), reference: 'PV' })],
      withEj1(),
    );
    spec
      .given(certified)
      .when(cmd('ReleaseCommitment', { commitmentRef: 'EJ-1', reason: ' ' }))
      .thenThrows('REASON_REQUIRED', { field: 'reason' });
    spec
      .given(certified)
      .when(cmd('ReleaseCommitment', { commitmentRef: 'EJ-1', amountCents: euros(40_001), reason: 'solde' }))
      .thenThrows('ENVELOPE_RELEASE_EXCEEDS_UNUSED', { unusedCents: euros(40_000), requestedCents: euros(40_001) });
    spec
      .given(certified)
      .when(cmd('ReleaseCommitment', { commitmentRef: 'EJ-9', reason: 'solde' }))
      .thenThrows('ENVELOPE_COMMITMENT_NOT_FOUND');
    const fully = history([cmd('ReleaseCommitment', { commitmentRef: 'EJ-1', reason: 'solde' })], certified);
    spec
      .given(fully)
      .when(cmd('ReleaseCommitment', { commitmentRef: 'EJ-1', reason: 'solde' }))
      .thenThrows('ENVELOPE_NOTHING_TO_RELEASE');
  });
});
