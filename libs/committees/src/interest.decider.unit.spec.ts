import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpecification } from '#testing';
import { COMMUNE_SIRET, SCHOOL, T0, admin, ctx, mayor, parent } from './committee.fixture.js';
import { type InterestCommand, interestsDecider } from './interest.decider.js';
import type { InterestEvent } from './interest.events.js';

const spec = deciderSpecification(interestsDecider);
const declare = (over: Partial<Extract<InterestCommand, { type: 'DeclareLink' }>> = {}): InterestCommand => ({
  type: 'DeclareLink',
  personId: 'mayor-1',
  organisationId: '215 500 299 00015',
  nature: 'member_of_board',
  ctx: ctx(mayor),
  ...over,
});
const declared = (organisationId = COMMUNE_SIRET, nature: 'member_of_board' | 'family' = 'member_of_board'): InterestEvent => ({
  type: 'interest.link_declared',
  data: { personId: 'mayor-1', organisationId, nature, declaredOn: '2026-03-10' },
});

describe('interests: declare a link', () => {
  it('records the link to the organisation by its identifier as stored, on the day of the declaration', () => {
    spec.given([]).when(declare()).then([declared()]);
  });

  it('keeps a description, trimmed; an admin may declare for the person', () => {
    spec
      .given([])
      .when(declare({ description: '  adjoint aux écoles ', ctx: ctx(admin) }))
      .then([{ ...declared(), data: { ...declared().data, description: 'adjoint aux écoles' } } as InterestEvent]);
  });

  it('nobody else declares for a person, whatever their role', () => {
    spec
      .given([])
      .when(declare({ ctx: ctx(parent) }))
      .thenThrows('INTEREST_FORBIDDEN', { personId: 'mayor-1' });
  });

  it('refuses what is not a UAI, SIRET or FINESS, an unknown nature, a long description', () => {
    spec
      .given([])
      .when(declare({ organisationId: '21550029900016' }))
      .thenThrows('INTEREST_INVALID_FIELD', { field: 'organisationId', rule: 'uai|siret|finess' });
    spec
      .given([])
      .when(declare({ nature: 'friend' as never }))
      .thenThrows('INTEREST_INVALID_FIELD', { field: 'nature' });
    spec
      .given([])
      .when(declare({ description: 'x'.repeat(501) }))
      .thenThrows('INTEREST_INVALID_FIELD', { field: 'description' });
  });

  it('the same link twice is a conflict; another nature with the same body is another link', () => {
    spec.given([declared()]).when(declare()).thenThrows('INTEREST_LINK_ALREADY_DECLARED', { declaredOn: '2026-03-10' });
    spec
      .given([declared()])
      .when(declare({ nature: 'family' }))
      .then([declared(COMMUNE_SIRET, 'family')]);
  });
});

describe('interests: withdraw a link', () => {
  const withdraw: InterestCommand = {
    type: 'WithdrawLink',
    personId: 'mayor-1',
    organisationId: COMMUNE_SIRET,
    nature: 'member_of_board',
    ctx: ctx(mayor, new Date(T0.getTime() + 86_400_000)),
  };

  it('records the withdrawal; the link is no longer in force', () => {
    spec
      .given([declared(), declared(SCHOOL)])
      .when(withdraw)
      .then([
        {
          type: 'interest.link_withdrawn',
          data: { personId: 'mayor-1', organisationId: COMMUNE_SIRET, nature: 'member_of_board', withdrawnOn: '2026-03-11' },
        },
      ]);
    const events = [
      declared(),
      declared(SCHOOL),
      ...interestsDecider.decide(withdraw, fold(interestsDecider, [declared(), declared(SCHOOL)])),
    ];
    expect(fold(interestsDecider, events).links.map((l) => l.organisationId)).toEqual([SCHOOL]);
  });

  it('a link never declared cannot be withdrawn', () => {
    spec
      .given([declared(SCHOOL)])
      .when(withdraw)
      .thenThrows('INTEREST_LINK_NOT_FOUND');
  });
});
