import { describe, expect, it } from '@jest/globals';
import { advanceCents, planSettlement } from './funding.schedule.js';
import { commitmentRefFor, exerciseYearOf, matchingEnvelope } from './funding.matching.js';
import { type FundingRecord, type LogEvent, fundingReaction } from './funding.process.js';
import { TRANSITION_EVENTS } from '#projects';

const P = '0b7e3a52-6f0e-4c43-9a0c-3f6f1b2a9d10';
const transitioned = (
  command: keyof typeof TRANSITION_EVENTS,
  inputs: Record<string, unknown> = {},
  at = '2023-10-12T09:00:00.000Z',
): LogEvent => ({
  id: `evt-${command}`,
  streamId: `project-${P}`,
  type: TRANSITION_EVENTS[command],
  position: 42n,
  at,
  data: { from: 'x', to: 'y', ...inputs, by: { id: 'u', role: 'validator' }, at },
});
const record = (status: FundingRecord['status']): FundingRecord => ({
  projectId: P,
  envelopeId: 'fip-academie-12-2023',
  commitmentRef: commitmentRefFor(P, 2023),
  splitKey: null,
  year: 2023,
  grantedCents: 1_200_000,
  status,
  pending: null,
  updatedAt: '2023-10-12T09:00:00.000Z',
});

describe('fundingReaction (pure)', () => {
  it('validate with a granted amount → commit in the validation’s exercise year (Paris time)', () => {
    expect(fundingReaction(transitioned('validate', { grantedAmountCents: 1_200_000 }), undefined, exerciseYearOf).step).toEqual({
      kind: 'commit',
      triggerId: 'evt-validate',
      projectId: P,
      at: '2023-10-12T09:00:00.000Z',
      grantedCents: 1_200_000,
      year: 2023,
    });
    const newYearsEve = fundingReaction(
      transitioned('validate', { grantedAmountCents: 1 }, '2023-12-31T23:30:00.000Z'),
      undefined,
      exerciseYearOf,
    );
    expect(newYearsEve.step).toMatchObject({ year: 2024 });
    expect(fundingReaction(transitioned('validate', { grantedAmountCents: 0 }), undefined, exerciseYearOf)).toEqual({});
  });

  it('start_financing → the advance only for the process’s own commitment', () => {
    const own = transitioned('start_financing', { commitmentRef: commitmentRefFor(P, 2023) });
    expect(fundingReaction(own, record('financing'), exerciseYearOf).step).toMatchObject({
      kind: 'advance',
      commitmentRef: commitmentRefFor(P, 2023),
    });
    expect(fundingReaction(transitioned('start_financing', { commitmentRef: 'EJ-MANUEL' }), record('financing'), exerciseYearOf)).toEqual(
      {},
    );
    expect(fundingReaction(own, undefined, exerciseYearOf)).toEqual({});
  });

  it('final report → settle with the spent amount; withdraw → withdraw; nothing for closed projects', () => {
    const report = transitioned('submit_final_report', { finalReport: { summary: 's', spentAmountCents: 1_125_040 } });
    expect(fundingReaction(report, record('financing'), exerciseYearOf).step).toMatchObject({ kind: 'settle', spentCents: 1_125_040 });
    expect(fundingReaction(report, record('closed'), exerciseYearOf)).toEqual({});
    expect(fundingReaction(transitioned('withdraw'), record('pending'), exerciseYearOf).step).toMatchObject({ kind: 'withdraw' });
    expect(fundingReaction(transitioned('withdraw'), undefined, exerciseYearOf)).toEqual({});
    expect(fundingReaction(transitioned('submit'), record('pending'), exerciseYearOf)).toEqual({});
  });

  it('credits growing on an envelope → retry what waits on it; other envelope events → nothing', () => {
    const envelopeEvent = (type: string): LogEvent => ({
      id: 'e',
      streamId: 'envelope-fip-academie-12-2023',
      type,
      data: {},
      position: 7n,
      at: '2023-11-01T00:00:00.000Z',
    });
    expect(fundingReaction(envelopeEvent('envelope.credits_notified'), undefined, exerciseYearOf)).toEqual({
      retryEnvelope: 'fip-academie-12-2023',
    });
    expect(fundingReaction(envelopeEvent('envelope.commitment_released'), undefined, exerciseYearOf)).toEqual({
      retryEnvelope: 'fip-academie-12-2023',
    });
    expect(fundingReaction(envelopeEvent('envelope.committed'), undefined, exerciseYearOf)).toEqual({});
  });
});

describe('matching envelope', () => {
  const territory = { region: '44', departement: '55' };
  it('education: the académie’s FIP envelope of the year; health: the ARS’s FIR envelope, the CTS as split key', () => {
    expect(matchingEnvelope({ program: 'education', content: { territory: { ...territory, academie: '12' } } }, 2023)).toEqual({
      envelopeId: 'fip-academie-12-2023',
      fund: 'fip',
      territoryCode: 'academie-12',
      year: 2023,
      splitKey: null,
    });
    expect(matchingEnvelope({ program: 'health', content: { territory: { ...territory, cts: 'CTS-44-55' } } }, 2024)).toEqual({
      envelopeId: 'fir-ars-44-2024',
      fund: 'fir',
      territoryCode: 'ars-44',
      year: 2024,
      splitKey: 'CTS-44-55',
    });
    expect(matchingEnvelope({ program: 'health', content: { territory } }, 2023).splitKey).toBeNull();
  });
});

describe('payment schedule and settlement', () => {
  it('pays 50 % at start, rounded down to the cent', () => {
    expect(advanceCents(1_200_000)).toBe(600_000);
    expect(advanceCents(100_001)).toBe(50_000);
    expect(advanceCents(1_000, { advancePercent: 30 })).toBe(300);
  });

  it('pays the justified balance, orders the recovery of an excess, releases the rest', () => {
    expect(
      planSettlement({ committedCents: 1_200_000, paidCents: 600_000 }, 1_125_040, 'final_report').map((o) => [
        o.kind,
        'amountCents' in o ? o.amountCents : null,
      ]),
    ).toEqual([
      ['pay', 525_040],
      ['release', null],
    ]);
    expect(planSettlement({ committedCents: 1_200_000, paidCents: 600_000 }, 2_000_000, 'final_report')[0]).toEqual({
      kind: 'pay',
      amountCents: 600_000,
    });
    const excess = planSettlement({ committedCents: 800_000, paidCents: 400_000 }, 300_000, 'final_report');
    expect(excess[0]).toMatchObject({ kind: 'recover', amountCents: 100_000 });
    expect(planSettlement({ committedCents: 800_000, paidCents: 400_000 }, 0, 'withdrawn')[0]).toMatchObject({
      kind: 'recover',
      amountCents: 400_000,
    });
    expect(planSettlement({ committedCents: 800_000, paidCents: 400_000 }, 400_000, 'final_report').map((o) => o.kind)).toEqual([
      'release',
    ]);
  });
});
