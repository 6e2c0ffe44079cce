import { describe, expect, it } from '@jest/globals';
import { type AwardActEvent, evolveAwardAct, initialAwardActState } from '#awards';
import { type ActEvent, reportDeadlineRequestId, reportDeadlineStep } from './report-deadline.process.js';

const STREAM = 'award-act-p-ecole-bar';
const ACT = 'AA-p-ecole-bar-1';
const AT = '2023-09-15T08:00:00.000Z';

/** The École de Bar-le-Duc's act (paid through its commune): an arrêté, or a convention if `form` says so. */
const drafted = (form: 'arrete' | 'convention'): AwardActEvent => ({
  type: 'award_act.drafted',
  data: {
    actId: ACT,
    projectId: 'p-ecole-bar',
    reference: ACT,
    form,
    beneficiaryId: '0550001A',
    payee: { organisationId: '21550029900015', name: 'Commune de Bar-le-Duc', siret: '21550029900015', legalStatus: 'public' },
    amountCents: 1_200_000,
    decidedAmountCents: 1_200_000,
    envelopeId: 'fip-academie-12-2023',
    exercises: { first: 2023, last: 2023 },
    schedule: [{ number: 1, kind: 'balance', amountCents: 1_200_000, condition: 'compte rendu financier accepté' }],
    reportDueOn: '2024-06-30',
    draftedBy: { id: 'finance-nancy-metz', role: 'finance' },
    at: '2023-06-12T08:00:00.000Z',
  },
});
const signed: AwardActEvent = {
  type: 'award_act.signed',
  data: { actId: ACT, signature: { signatory: 'recteur-nancy-metz', capacity: 'recteur' }, at: AT },
};
const countersigned: AwardActEvent = {
  type: 'award_act.countersigned',
  data: { actId: ACT, personId: 'holder-bar-le-duc', organisationId: '0550001A', at: AT },
};
/** Amendment n° 1, signed by the recteur: an extension to 2024 (report due 30 June 2025), or an increase. */
const amended = (kind: 'extension' | 'increase', countersignRequired: boolean): AwardActEvent => ({
  type: 'award_act.amended',
  data: {
    actId: ACT,
    number: 1,
    kind,
    amountCents: kind === 'increase' ? 1_500_000 : 1_200_000,
    deltaCents: kind === 'increase' ? 300_000 : 0,
    exercises: { first: 2023, last: kind === 'extension' ? 2024 : 2023 },
    reportDueOn: kind === 'extension' ? '2025-06-30' : '2024-06-30',
    payee: { organisationId: '21550029900015', name: 'Commune de Bar-le-Duc', siret: '21550029900015', legalStatus: 'public' },
    schedule: [{ number: 1, kind: 'balance', amountCents: 1_200_000, condition: 'compte rendu financier accepté' }],
    reason: 'Action prolongée d’une année scolaire',
    signature: { signatory: 'recteur-nancy-metz', capacity: 'recteur' },
    countersignRequired,
    at: AT,
  },
});
const cancelled: AwardActEvent = {
  type: 'award_act.cancelled',
  data: { actId: ACT, reason: 'Erreur de bénéficiaire', by: { id: 'finance-nancy-metz', role: 'finance' }, at: AT },
};

/** Given the act's events, when the last of them is handled (the act folded up to it, as the runner does): the step. */
function when(events: AwardActEvent[], extra?: { type: string; data: unknown }) {
  const act = (extra ? [...events, extra as AwardActEvent] : events).reduce(evolveAwardAct, initialAwardActState()).act;
  const last = extra ?? events[events.length - 1]!;
  const event: ActEvent = { id: 'evt-1', streamId: STREAM, type: last.type, data: last.data, at: AT };
  return reportDeadlineStep(event, act);
}

describe('the report deadline process decides on the award act as it stood at each event', () => {
  const open = { kind: 'open', projectId: 'p-ecole-bar', actId: ACT, reportDueOn: '2024-06-30', triggerId: 'evt-1', at: AT };

  it('an arrêté signed by the recteur is fully signed: the deadline opens on the act’s day', () => {
    expect(when([drafted('arrete'), signed])).toEqual(open);
  });

  it('a convention opens it on the beneficiary’s countersignature, not on the authority’s signature alone', () => {
    expect(when([drafted('convention'), signed])).toBeUndefined();
    expect(when([drafted('convention'), signed, countersigned])).toEqual(open);
  });

  it('an extension moves it; another amendment, or one on an act not fully signed, does nothing', () => {
    expect(when([drafted('arrete'), signed], amended('extension', false))).toEqual({ ...open, reportDueOn: '2025-06-30' });
    expect(when([drafted('arrete'), signed], amended('increase', false))).toBeUndefined();
    expect(when([drafted('convention'), signed], amended('extension', true))).toBeUndefined();
  });

  it('a convention’s extension moves it once the beneficiary countersigned the amendment, not before', () => {
    const fullySigned = [drafted('convention'), signed, countersigned, amended('extension', true)];
    expect(when(fullySigned)).toBeUndefined();
    const amendmentCountersigned: AwardActEvent = {
      type: 'award_act.amendment_countersigned',
      data: { actId: ACT, number: 1, personId: 'holder-bar-le-duc', organisationId: '0550001A', at: AT },
    };
    expect(when([...fullySigned, amendmentCountersigned])).toEqual({ ...open, reportDueOn: '2025-06-30' });
  });

  it('a cancellation lifts it only if the act had been fully signed', () => {
    expect(when([drafted('arrete'), signed, cancelled])).toEqual({
      kind: 'cancel',
      projectId: 'p-ecole-bar',
      actId: ACT,
      triggerId: 'evt-1',
      at: AT,
    });
    expect(when([drafted('convention'), signed, cancelled])).toBeUndefined();
  });

  it('another act’s event, or a stream that is not an act’s, does nothing; request ids derive from the trigger', () => {
    expect(when([drafted('arrete'), signed], { type: 'award_act.signed', data: { actId: 'AA-p-ecole-bar-2' } })).toBeUndefined();
    const act = [drafted('arrete'), signed].reduce(evolveAwardAct, initialAwardActState()).act;
    expect(
      reportDeadlineStep({ id: 'e', streamId: 'project-p-ecole-bar', type: 'award_act.signed', data: {}, at: AT }, act),
    ).toBeUndefined();
    expect(reportDeadlineRequestId({ ...open, kind: 'open' })).toBe('report-deadline:open:evt-1');
  });
});
