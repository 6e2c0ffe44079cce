import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { HDF, cmd, euros, history, openHdf } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);
/** FIR Hauts-de-France 2023, no split: €2.6M AE. A €120,000 act for the MSP's project (fictitious ids as in the demo). */
const funded = () =>
  history([openHdf(), cmd('SetSplit', { split: null }), cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) })]);
const commit = (over: Record<string, unknown> = {}, act: Record<string, unknown> = {}) => {
  const base = cmd('Commit', { commitmentRef: 'AA-p-msp-1', projectId: 'p-msp', amountCents: euros(120_000), ejNumber: '2103456789' });
  return { ...base, ...over, act: { ...base.act, ...act } };
};

describe('Commit: an EJ formalises a signed award act', () => {
  it('records the act, the EJ number given by the accounting system and the payee', () => {
    spec
      .given(funded())
      .when(commit())
      .then(([e]) =>
        expect(e!.data).toMatchObject({ awardActId: 'AA-p-msp-1', ejNumber: '2103456789', payee: { siret: '55099990800019' } }),
      );
  });

  it('refuses an act not signed by every party, naming the rule', () => {
    spec
      .given(funded())
      .when(commit({}, { fullySigned: false }))
      .thenThrows('ENVELOPE_AWARD_ACT_NOT_SIGNED', { rule: 'signed-award-act' });
  });

  it('refuses more than the act, and an act drawing on another envelope', () => {
    spec
      .given(funded())
      .when(commit({ amountCents: euros(120_000) + 1 }))
      .thenThrows('ENVELOPE_COMMITMENT_ABOVE_ACT', { rule: 'at-most-the-act', actAmountCents: euros(120_000) });
    spec
      .given(funded())
      .when(commit({}, { envelopeId: 'fir-ars-44-2023' }))
      .thenThrows('ENVELOPE_AWARD_ACT_OTHER_ENVELOPE', { actEnvelopeId: 'fir-ars-44-2023' });
    expect(HDF).toBe('fir-ars-32-2023-2024');
  });

  it('one EJ per act, and an EJ number is never reused for another act; a missing number is a 400 naming the field', () => {
    const committed = history([commit()], funded());
    spec.given(committed).when(commit()).thenThrows('ENVELOPE_COMMITMENT_EXISTS');
    spec
      .given(committed)
      .when(commit({ commitmentRef: 'AA-p-other-1', projectId: 'p-other' }, { actId: 'AA-p-other-1', projectId: 'p-other' }))
      .thenThrows('ENVELOPE_EJ_NUMBER_TAKEN', { field: 'ejNumber', commitmentRef: 'AA-p-msp-1' });
    spec
      .given(funded())
      .when(commit({ ejNumber: ' ' }))
      .thenThrows('ENVELOPE_INVALID_EJ_NUMBER', { field: 'ejNumber' });
  });
});
