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
const cancelled: AwardActEvent = {
  type: 'award_act.cancelled',
  data: { actId: ACT, reason: 'Erreur de bénéficiaire', by: { id: 'finance-nancy-metz', role: 'finance' }, at: AT },
};

/** Given the act's events, when the last of them (or `extra`, not an AwardActEvent yet) is handled: the step. */
function when(events: AwardActEvent[], extra?: { type: string; data: unknown }) {
  const act = events.reduce(evolveAwardAct, initialAwardActState()).act;
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

  it('an amendment with a new reportDueOn moves it; one without, or on an act not fully signed, does nothing', () => {
    const amended = (data: Record<string, unknown>) => ({ type: 'award_act.amended', data: { actId: ACT, ...data } });
    expect(when([drafted('arrete'), signed], amended({ reportDueOn: '2024-12-31' }))).toEqual({ ...open, reportDueOn: '2024-12-31' });
    expect(when([drafted('arrete'), signed], amended({ amountCents: 1_000_000 }))).toBeUndefined();
    expect(when([drafted('convention'), signed], amended({ reportDueOn: '2024-12-31' }))).toBeUndefined();
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
