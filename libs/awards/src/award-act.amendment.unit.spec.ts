import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { awardActDecider } from './award-act.decider.js';
import type { AmendAwardAct } from './award-act.amendment.js';
import { amendedSchedule } from './award-act.amendment.js';
import type { AwardActEvent } from './award-act.events.js';
import { at, financeNancyMetz, mspDraft, mspMember, recteur, recteurSignature, schoolDrafted } from '../test/award-act.fixtures.js';

const spec = deciderSpecification(awardActDecider);
const AT = '2024-03-04T09:00:00.000Z';
const signed: AwardActEvent = {
  type: 'award_act.signed',
  data: { actId: 'AA-p-ecole-bar-1', signature: recteurSignature, at: '2023-06-15T08:00:00.000Z' },
};
const fold = (events: AwardActEvent[]) => events.reduce(awardActDecider.evolve, awardActDecider.initialState());
const amend = (over: Partial<AmendAwardAct>): AmendAwardAct => ({
  type: 'AmendAwardAct',
  projectId: 'p-ecole-bar',
  kind: 'increase',
  amountCents: 1_500_000,
  reason: 'Une classe de plus rejoint le projet',
  signature: recteurSignature,
  facts: { certifiedByInstalment: { 1: 600_000 }, envelopePeriod: { fromYear: 2023, toYear: 2025 } },
  ctx: at(recteur, AT),
  ...over,
});

describe('award act: amendments (avenants), each with its reason and signatory', () => {
  it('an increase: the act grants more, the balance carries the difference', () => {
    const events = awardActDecider.decide(amend({}), fold([schoolDrafted(), signed]));
    expect(events).toEqual([
      {
        type: 'award_act.amended',
        data: expect.objectContaining({
          number: 1,
          kind: 'increase',
          amountCents: 1_500_000,
          deltaCents: 300_000,
          reason: 'Une classe de plus rejoint le projet',
          signature: recteurSignature,
          countersignRequired: false,
          at: AT,
        }),
      },
    ]);
    const act = fold([schoolDrafted(), signed, ...events]).act!;
    expect(act.amountCents).toBe(1_500_000);
    expect(act.schedule.map((s) => [s.kind, s.amountCents])).toEqual([
      ['advance', 600_000],
      ['balance', 900_000],
    ]);
  });

  it('a reduction never goes below what is certified; an extension moves the report’s due day', () => {
    spec
      .given([schoolDrafted(), signed])
      .when(amend({ kind: 'reduction', amountCents: 500_000 }))
      .thenThrows('AWARD_ACT_AMENDMENT_BELOW_CERTIFIED', { certifiedCents: 600_000 });
    const reduced = awardActDecider.decide(amend({ kind: 'reduction', amountCents: 800_000 }), fold([schoolDrafted(), signed]));
    expect(reduced[0]!.data).toMatchObject({ deltaCents: -400_000, schedule: [{ amountCents: 600_000 }, { amountCents: 200_000 }] });
    const extended = awardActDecider.decide(amend({ kind: 'extension', lastExercise: 2024 }), fold([schoolDrafted(), signed]));
    expect(extended[0]!.data).toMatchObject({ exercises: { first: 2023, last: 2024 }, reportDueOn: '2025-06-30', deltaCents: 0 });
    spec
      .given([schoolDrafted(), signed])
      .when(amend({ kind: 'extension', lastExercise: 2026 }))
      .thenThrows('AWARD_ACT_EXERCISES_OUTSIDE_ENVELOPE');
  });

  it('a change of payee names the new one; only the authority signs an amendment, and only of a signed act', () => {
    const payee = { organisationId: '200054781', name: 'Communauté d’agglomération Bar-le-Duc Sud Meuse', siret: '20005478100013' };
    const moved = awardActDecider.decide(
      amend({ kind: 'payee_change', facts: { ...amend({}).facts, payee: { ...payee, legalStatus: 'public' } } }),
      fold([schoolDrafted(), signed]),
    );
    expect(fold([schoolDrafted(), signed, ...moved]).act!.payee.organisationId).toBe('200054781');
    spec
      .given([schoolDrafted(), signed])
      .when(amend({ ctx: at(financeNancyMetz, AT) }))
      .thenThrows('AWARD_ACT_ROLE_FORBIDDEN');
    spec.given([schoolDrafted()]).when(amend({})).thenThrows('AWARD_ACT_NOT_SIGNED');
    spec
      .given([schoolDrafted(), signed])
      .when(amend({ reason: '' }))
      .thenThrows('AWARD_ACT_INVALID_FIELD', { field: 'reason' });
  });

  it('a convention’s amendment takes effect once the beneficiary signs it too; meanwhile no other amendment', () => {
    const drafted = awardActDecider.decide(mspDraft(3_000_000), awardActDecider.initialState());
    const authority = awardActDecider.decide(
      { type: 'SignAwardAct', projectId: 'p-msp-spincourt', signature: recteurSignature, ctx: at(recteur) },
      fold(drafted),
    );
    const counter = awardActDecider.decide(
      { type: 'CountersignAwardAct', projectId: 'p-msp-spincourt', ctx: at(mspMember) },
      fold([...drafted, ...authority]),
    );
    const base = [...drafted, ...authority, ...counter];
    const increase = amend({
      projectId: 'p-msp-spincourt',
      amountCents: 3_500_000,
      facts: { certifiedByInstalment: {}, envelopePeriod: { fromYear: 2023, toYear: 2023 } },
    });
    const amended = awardActDecider.decide(increase, fold(base));
    expect(amended[0]!.data).toMatchObject({ countersignRequired: true });
    expect(fold([...base, ...amended]).act).toMatchObject({ amountCents: 3_000_000, amendments: [{ inEffect: false }] });
    spec
      .given([...base, ...amended])
      .when(increase)
      .thenThrows('AWARD_ACT_AMENDMENT_PENDING', { number: 1 });
    const countersign = { type: 'CountersignAmendment' as const, projectId: 'p-msp-spincourt', number: 1, ctx: at(mspMember, AT) };
    const done = awardActDecider.decide(countersign, fold([...base, ...amended]));
    expect(fold([...base, ...amended, ...done]).act).toMatchObject({ amountCents: 3_500_000, amendments: [{ inEffect: true }] });
  });
});

describe('amendedSchedule', () => {
  const schedule = [
    { number: 1, kind: 'advance' as const, amountCents: 600_000, condition: 'démarrage' },
    { number: 2, kind: 'balance' as const, amountCents: 600_000, condition: 'bilan' },
  ];
  it('takes a reduction off the last payments first, keeping what is certified, and drops an emptied one', () => {
    expect(amendedSchedule(schedule, -700_000, { 1: 100_000 }).map((s) => [s.number, s.amountCents])).toEqual([[1, 500_000]]);
    expect(amendedSchedule([], 400_000, {}).map((s) => [s.kind, s.amountCents])).toEqual([
      ['advance', 200_000],
      ['balance', 200_000],
    ]);
  });
});
