import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { awardActDecider } from './award-act.decider.js';
import type { AwardActEvent } from './award-act.events.js';
import { dueAfterReview } from './award-act.review.js';
import { at, financeLille, mspMember, recteurSignature, schoolDraft, schoolDrafted } from '../test/award-act.fixtures.js';

const spec = deciderSpecification(awardActDecider);
const signed = (): AwardActEvent => ({
  type: 'award_act.signed',
  data: { actId: 'AA-p-ecole-bar-1', signature: recteurSignature, at: '2023-06-15T08:00:00.000Z' },
});
/** The €12,000 grant of a €12,500 project (rate 96 %), €6,000 advance paid; the report declares €11,250.40 spent. */
const review = (outcome: 'accepted' | 'partly_accepted' | 'refused', over: Record<string, unknown> = {}) => ({
  type: 'ReviewReport' as const,
  projectId: 'p-ecole-bar',
  outcome,
  reason: 'Compte rendu financier examiné',
  facts: { declaredSpendingCents: 1_125_040, budgetCents: 1_250_000, paidCents: 600_000 },
  ctx: at(schoolDraft().ctx.actor, '2024-03-01T09:00:00.000Z'),
  ...over,
});
const reviewed = (events: AwardActEvent[]) => {
  const e = events[0];
  if (e?.type !== 'award_act.report_reviewed') throw new Error(`expected a review, got ${e?.type}`);
  return e.data;
};

describe('award act: the review of the compte rendu financier', () => {
  it('accepted: the declared spending at the grant rate is due (€10,800.38), the advance paid, the balance €4,800.38', () => {
    spec
      .given([schoolDrafted(), signed()])
      .when(review('accepted'))
      .then((events) =>
        expect(reviewed(events)).toMatchObject({
          eligibleSpendingCents: 1_125_040,
          dueCents: 1_080_038,
          balanceCents: 480_038,
          toRecoverCents: 0,
        }),
      );
  });

  it('partly accepted: finance fixes the eligible spending (€5,000 → €4,800 due); more than paid is to recover', () => {
    spec
      .given([schoolDrafted(), signed()])
      .when(review('partly_accepted', { eligibleSpendingCents: 500_000 }))
      .then((events) => expect(reviewed(events)).toMatchObject({ dueCents: 480_000, balanceCents: 0, toRecoverCents: 120_000 }));
    spec
      .given([schoolDrafted(), signed()])
      .when(review('partly_accepted', { eligibleSpendingCents: 1_125_041 }))
      .thenThrows('AWARD_ACT_INVALID_FIELD', { field: 'eligibleSpending' });
  });

  it('refused: nothing is due, everything paid is to recover; a report never transmitted cannot be accepted', () => {
    spec
      .given([schoolDrafted(), signed()])
      .when(review('refused'))
      .then((events) => expect(reviewed(events)).toMatchObject({ dueCents: 0, toRecoverCents: 600_000 }));
    const none = review('accepted');
    none.facts = { ...none.facts, declaredSpendingCents: null as never };
    spec.given([schoolDrafted(), signed()]).when(none).thenThrows('AWARD_ACT_REPORT_MISSING');
  });

  it('never more than the act, whatever the spending; the review is finance’s of the territory, once, on a signed act', () => {
    expect(dueAfterReview({ amountCents: 1_200_000 }, 2_000_000, 1_250_000)).toBe(1_200_000);
    expect(dueAfterReview({ amountCents: 1_200_000 }, 1_000_000, 0)).toBe(1_000_000);
    spec.given([schoolDrafted()]).when(review('accepted')).thenThrows('AWARD_ACT_NOT_SIGNED');
    spec
      .given([schoolDrafted(), signed()])
      .when(review('accepted', { ctx: at(financeLille) }))
      .thenThrows('AWARD_ACT_OUT_OF_SCOPE');
    spec
      .given([schoolDrafted(), signed()])
      .when(review('accepted', { ctx: at(mspMember) }))
      .thenThrows('AWARD_ACT_ROLE_FORBIDDEN');
    const first = awardActDecider.decide(
      review('accepted'),
      [schoolDrafted(), signed()].reduce(awardActDecider.evolve, awardActDecider.initialState()),
    );
    spec
      .given([schoolDrafted(), signed(), ...first])
      .when(review('refused'))
      .thenThrows('AWARD_ACT_REPORT_ALREADY_REVIEWED');
  });

  it('a withdrawal after payments opens the review, once, by the funding process only; nothing paid: nothing opened', () => {
    const open = (paidCents: number, actor = { id: 'funding-process', role: 'system' as const, scope: {} }) => ({
      type: 'OpenReviewOnWithdrawal' as const,
      projectId: 'p-ecole-bar',
      paidCents,
      ctx: at(actor, '2023-11-02T10:00:00.000Z'),
    });
    spec
      .given([schoolDrafted(), signed()])
      .when(open(600_000))
      .then([
        {
          type: 'award_act.review_opened',
          data: { actId: 'AA-p-ecole-bar-1', cause: 'withdrawal', paidCents: 600_000, at: '2023-11-02T10:00:00.000Z' },
        },
      ]);
    spec.given([schoolDrafted(), signed()]).when(open(0)).then([]);
    spec
      .given([schoolDrafted(), signed()])
      .when(open(600_000, schoolDraft().ctx.actor as never))
      .thenThrows('AWARD_ACT_ROLE_FORBIDDEN');
    const opened = awardActDecider.decide(
      open(600_000),
      [schoolDrafted(), signed()].reduce(awardActDecider.evolve, awardActDecider.initialState()),
    );
    spec
      .given([schoolDrafted(), signed(), ...opened])
      .when(open(600_000))
      .then([]);
  });
});
