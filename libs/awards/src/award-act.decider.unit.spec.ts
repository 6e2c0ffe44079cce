import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { awardActDecider } from './award-act.decider.js';
import type { AwardActEvent } from './award-act.events.js';
import {
  at,
  financeLille,
  mspDraft,
  mspMember,
  otherHolder,
  recteur,
  recteurSignature,
  schoolDraft,
  schoolDrafted,
  validator,
} from '../test/award-act.fixtures.js';

const spec = deciderSpecification(awardActDecider);
const draftOf = (events: AwardActEvent[]) => {
  const e = events[0];
  if (e?.type !== 'award_act.drafted') throw new Error(`expected a draft, got ${e?.type}`);
  return e.data;
};
const signed = (): AwardActEvent => ({
  type: 'award_act.signed',
  data: { actId: 'AA-p-ecole-bar-1', signature: recteurSignature, at: '2023-06-15T08:00:00.000Z' },
});
const sign = (projectId = 'p-ecole-bar') => ({
  type: 'SignAwardAct' as const,
  projectId,
  signature: recteurSignature,
  ctx: at(recteur, '2023-06-15T08:00:00.000Z'),
});

describe('award act: drafting', () => {
  it('finance drafts the arrêté of a €12,000 school grant: the decision’s amount, half at start, balance on the report', () => {
    spec.given([]).when(schoolDraft()).then([schoolDrafted()]);
  });

  it('a grant above €23,000 a year to a private-law body is a convention; the same amount over two exercises is not', () => {
    spec
      .given([])
      .when(mspDraft(3_000_000))
      .then((events) => expect(draftOf(events).form).toBe('convention'));
    const twoYears = mspDraft(3_000_000, { exercises: { first: 2023, last: 2024 } });
    twoYears.facts.envelopePeriod = { fromYear: 2023, toYear: 2027 };
    spec
      .given([])
      .when(twoYears)
      .then((events) => expect(draftOf(events).form).toBe('arrete'));
  });

  it('exactly €23,000 is an arrêté (the rule is "exceeds"); a public payee never needs a convention', () => {
    spec
      .given([])
      .when(mspDraft(2_300_000))
      .then((events) => expect(draftOf(events).form).toBe('arrete'));
    spec
      .given([])
      .when(schoolDraft({ amountCents: 1_200_000, facts: { ...schoolDraft().facts, decidedAmountCents: 9_000_000 } }))
      .then((events) => expect(draftOf(events).form).toBe('arrete'));
  });

  it('refuses an act above the decision, naming the rule', () => {
    spec
      .given([])
      .when(schoolDraft({ amountCents: 1_200_001 }))
      .thenThrows('AWARD_ACT_ABOVE_DECISION', { rule: 'at-most-the-decision' });
  });

  it('refuses a project without a signed decision, a second live act, and finance of another académie', () => {
    spec
      .given([])
      .when(schoolDraft({ facts: { ...schoolDraft().facts, projectStatus: 'analysed' } }))
      .thenThrows('AWARD_ACT_PROJECT_NOT_DECIDED');
    spec.given([schoolDrafted()]).when(schoolDraft()).thenThrows('AWARD_ACT_EXISTS');
    spec
      .given([])
      .when(schoolDraft({ ctx: at(financeLille) }))
      .thenThrows('AWARD_ACT_OUT_OF_SCOPE');
    spec
      .given([])
      .when(schoolDraft({ ctx: at(validator) }))
      .thenThrows('AWARD_ACT_ROLE_FORBIDDEN');
  });

  it('checks the schedule: it adds up, the advance comes first, the balance last', () => {
    const pay = (kind: string, amountCents: number) => ({ kind, amountCents, condition: 'condition du versement' });
    spec
      .given([])
      .when(schoolDraft({ schedule: [pay('advance', 500_000), pay('balance', 600_000)] }))
      .thenThrows('AWARD_ACT_SCHEDULE_TOTAL', { scheduledCents: 1_100_000 });
    spec
      .given([])
      .when(schoolDraft({ schedule: [pay('balance', 600_000), pay('advance', 600_000)] }))
      .thenThrows('AWARD_ACT_INVALID_FIELD', { field: 'schedule[0].kind' });
    spec
      .given([])
      .when(schoolDraft({ schedule: [pay('advance', 400_000), pay('instalment', 400_000), pay('balance', 400_000)] }))
      .then((events) => expect(draftOf(events).schedule.map((s) => s.number)).toEqual([1, 2, 3]));
  });

  it('the report is due at the latest on 30 June after the last exercise; exercises stay within the envelope', () => {
    spec
      .given([])
      .when(schoolDraft({ reportDueOn: '2024-07-01' }))
      .thenThrows('AWARD_ACT_INVALID_FIELD', { field: 'reportDueOn' });
    spec
      .given([])
      .when(schoolDraft({ exercises: { first: 2023, last: 2024 } }))
      .thenThrows('AWARD_ACT_EXERCISES_OUTSIDE_ENVELOPE');
  });

  it('an act never draws on an exercise before the decision’s', () => {
    const multi = schoolDraft({ exercises: { first: 2023, last: 2024 } });
    multi.facts = { ...multi.facts, envelopePeriod: { fromYear: 2023, toYear: 2027 }, decisionYear: 2024 };
    spec.given([]).when(multi).thenThrows('AWARD_ACT_EXERCISE_BEFORE_DECISION', { decisionYear: 2024 });
  });

  it('a grant of €0 (human support only) is an act without payments', () => {
    spec
      .given([])
      .when(schoolDraft({ facts: { ...schoolDraft().facts, decidedAmountCents: 0 } }))
      .then((events) => expect([draftOf(events).amountCents, draftOf(events).schedule]).toEqual([0, []]));
  });
});

describe('award act: signatures', () => {
  it('the recteur signs the arrêté: it is fully signed', () => {
    spec.given([schoolDrafted()]).when(sign()).then([signed()]);
    const state = [schoolDrafted(), signed()].reduce(awardActDecider.evolve, awardActDecider.initialState());
    expect(state.act?.status).toBe('signed');
  });

  it('a convention needs the beneficiary too: signed by the authority it awaits the MSP’s signature', () => {
    const drafted = awardActDecider.decide(mspDraft(3_000_000), awardActDecider.initialState());
    const afterAuthority = awardActDecider.decide(
      { ...sign('p-msp-spincourt') },
      drafted.reduce(awardActDecider.evolve, awardActDecider.initialState()),
    );
    const state = [...drafted, ...afterAuthority].reduce(awardActDecider.evolve, awardActDecider.initialState());
    expect(state.act?.status).toBe('awaiting_countersignature');
    spec
      .given([...drafted, ...afterAuthority])
      .when({ type: 'CountersignAwardAct', projectId: 'p-msp-spincourt', ctx: at(otherHolder) })
      .thenThrows('AWARD_ACT_NOT_BENEFICIARY');
    const counter = awardActDecider.decide({ type: 'CountersignAwardAct', projectId: 'p-msp-spincourt', ctx: at(mspMember) }, state);
    expect(counter[0]!.data).toMatchObject({ personId: 'coord-msp-spincourt', organisationId: '550999908' });
    expect(counter.reduce(awardActDecider.evolve, state).act?.status).toBe('signed');
  });

  it('an arrêté is not countersigned; nobody signs twice; only a decider signs', () => {
    spec
      .given([schoolDrafted()])
      .when({ type: 'CountersignAwardAct', projectId: 'p-ecole-bar', ctx: at(mspMember) })
      .thenThrows('AWARD_ACT_NOT_A_CONVENTION');
    spec.given([schoolDrafted(), signed()]).when(sign()).thenThrows('AWARD_ACT_ALREADY_SIGNED');
    spec
      .given([schoolDrafted()])
      .when({ ...sign(), ctx: at(validator) })
      .thenThrows('AWARD_ACT_ROLE_FORBIDDEN');
  });
});

describe('award act: cancellation', () => {
  const cancel = (committed: boolean) => ({
    type: 'CancelAwardAct' as const,
    projectId: 'p-ecole-bar',
    reason: 'Erreur sur le bénéficiaire',
    committed,
    ctx: at(schoolDraft().ctx.actor),
  });
  it('an act not committed can be cancelled, then drafted again with the next number', () => {
    const events = [
      schoolDrafted(),
      ...awardActDecider.decide(cancel(false), [schoolDrafted()].reduce(awardActDecider.evolve, awardActDecider.initialState())),
    ];
    spec
      .given(events)
      .when(schoolDraft())
      .then((events) => expect(draftOf(events).actId).toBe('AA-p-ecole-bar-2'));
  });
  it('a committed act is amended, never cancelled', () => {
    spec.given([schoolDrafted(), signed()]).when(cancel(true)).thenThrows('AWARD_ACT_COMMITTED');
  });
});
