import { describe, expect, it } from '@jest/globals';
import type { Actor } from '#kernel';
import { deciderSpecification } from '#testing';
import {
  COMMUNE_SIRET,
  PID,
  SCHOOL,
  SID,
  ctx,
  ien,
  link,
  mayor,
  mayorAbstains,
  mayorLinks,
  noLinks,
  parent,
  scheduled,
  secretariat,
  seated,
  itemAdded,
  threeMembersAndItem,
  voted,
} from './committee.fixture.js';
import type { DeclaredInterests, RecordProposal, SessionCommand } from './session.commands.js';
import { sessionDecider } from './session.decider.js';
import type { VoteChoice } from './session.state.js';

const spec = deciderSpecification(sessionDecider);
const vote = (who: Actor, choice: VoteChoice = 'favourable', interests: DeclaredInterests = noLinks): SessionCommand => ({
  type: 'CastVote',
  sessionId: SID,
  projectId: PID,
  vote: choice,
  interests,
  ctx: ctx(who),
});
const propose = (over: Partial<RecordProposal> = {}): SessionCommand => ({
  type: 'RecordProposal',
  sessionId: SID,
  projectId: PID,
  outcome: 'favourable',
  proposedAmountCents: 1_000_000,
  reason: 'Projet co-construit avec les familles',
  interests: { ...noLinks, ...mayorLinks },
  ctx: ctx(secretariat),
  ...over,
});
const tally = (favourable: number, unfavourable: number, abstain: number, conflicted: number, required: number) => ({
  favourable,
  unfavourable,
  abstain,
  conflicted,
  required,
});

describe('committee session: votes', () => {
  it('a seated member votes on an item, for themselves', () => {
    spec
      .given(threeMembersAndItem)
      .when(vote(ien))
      .then([voted('ien-1', 'favourable')]);
    spec
      .given(threeMembersAndItem)
      .when(vote(parent, 'abstain'))
      .then([voted('parent-1', 'abstain')]);
  });

  it('a member whose abstention is recorded on the item cannot vote on it: 409 naming the link, nothing written', () => {
    spec
      .given(threeMembersAndItem)
      .when(vote(mayor, 'unfavourable', {}))
      .thenThrows('CONFLICT_OF_INTEREST', {
        personId: 'mayor-1',
        projectId: PID,
        party: 'partner',
        link: { organisationId: COMMUNE_SIRET, nature: 'member_of_board' },
      });
  });

  it('nor can a member who declared a link after the item was added (not even an abstention vote)', () => {
    const lateLink = { ...noLinks, 'parent-1': [link(SCHOOL, 'family')] };
    spec
      .given(threeMembersAndItem)
      .when(vote(parent, 'abstain', lateLink))
      .thenThrows('CONFLICT_OF_INTEREST', { party: 'holder', link: { organisationId: SCHOOL, nature: 'family' } });
  });

  it('someone not seated cannot vote, whatever their role; a member votes once, on an item of the agenda', () => {
    spec.given(threeMembersAndItem).when(vote(secretariat)).thenThrows('COMMITTEE_NOT_A_MEMBER');
    spec
      .given([...threeMembersAndItem, voted('ien-1', 'favourable')])
      .when(vote(ien, 'unfavourable'))
      .thenThrows('COMMITTEE_VOTE_ALREADY_CAST');
    spec
      .given(threeMembersAndItem)
      .when({ ...vote(ien), projectId: 'p-other' } as SessionCommand)
      .thenThrows('COMMITTEE_ITEM_NOT_FOUND');
    spec
      .given(threeMembersAndItem)
      .when(vote(ien, 'yes' as VoteChoice))
      .thenThrows('COMMITTEE_INVALID_FIELD', { field: 'vote' });
  });
});

describe('committee session: proposals', () => {
  const twoVoted = [...threeMembersAndItem, voted('ien-1', 'favourable'), voted('parent-1', 'favourable')];

  it('records a favourable proposal with its amount once the quorum voted (half of 3 seated: 2), with the tally', () => {
    spec
      .given(twoVoted)
      .when(propose())
      .then([
        {
          type: 'committee.proposal_recorded',
          data: {
            sessionId: SID,
            projectId: PID,
            outcome: 'favourable',
            proposedAmountCents: 1_000_000,
            reason: 'Projet co-construit avec les familles',
            tally: tally(2, 0, 0, 1, 2),
          },
        },
      ]);
  });

  it('an unfavourable or "to complete" proposal has a reason and no amount', () => {
    spec
      .given(twoVoted)
      .when(propose({ outcome: 'to_complete', proposedAmountCents: undefined, reason: 'Devis manquant' }))
      .then((events) => expect(events[0]!.data).toMatchObject({ outcome: 'to_complete', reason: 'Devis manquant' }));
    spec
      .given(twoVoted)
      .when(propose({ outcome: 'unfavourable' }))
      .thenThrows('COMMITTEE_INVALID_FIELD', { field: 'proposedAmountCents' });
    spec
      .given(twoVoted)
      .when(propose({ proposedAmountCents: undefined }))
      .thenThrows('COMMITTEE_INVALID_FIELD', { field: 'proposedAmountCents' });
    spec
      .given(twoVoted)
      .when(propose({ reason: ' ' }))
      .thenThrows('COMMITTEE_INVALID_FIELD', { field: 'reason' });
  });

  it('refuses the proposal when the quorum did not vote, abstentions not counted; details say how many voted and were needed', () => {
    spec
      .given([...threeMembersAndItem, voted('ien-1', 'favourable'), voted('parent-1', 'abstain')])
      .when(propose())
      .thenThrows('QUORUM_NOT_MET', { voting: 1, required: 2, abstentions: 2 });
    spec
      .given([scheduled({ kind: 'minimum_voting', count: 3 }), ...twoVoted.slice(1)])
      .when(propose())
      .thenThrows('QUORUM_NOT_MET', { voting: 2, required: 3 });
  });

  it('a link declared after a vote voids it: the abstention is recorded with the proposal, and the quorum is counted without it', () => {
    const lateLink = { ...noLinks, ...mayorLinks, 'parent-1': [link(SCHOOL, 'family')] };
    spec
      .given(twoVoted)
      .when(propose({ interests: lateLink }))
      .thenThrows('QUORUM_NOT_MET', { voting: 1, required: 2 });
    const fourSeated = [scheduled(), seated('ien-1'), seated('parent-1'), seated('mayor-1'), seated('ien-2'), itemAdded(), mayorAbstains()];
    const votes = [voted('ien-1', 'favourable'), voted('parent-1', 'favourable'), voted('ien-2', 'unfavourable')];
    spec
      .given([...fourSeated, ...votes])
      .when(propose({ interests: { ...lateLink, 'ien-2': [] } }))
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['committee.abstention_recorded', 'committee.proposal_recorded']);
        expect(events[0]!.data).toMatchObject({ personId: 'parent-1', party: 'holder' });
        expect(events[1]!.data).toMatchObject({ tally: tally(1, 1, 0, 2, 2) });
      });
  });

  it('one proposal per project per session; a postponed item takes none; no vote after the proposal', () => {
    const proposed = [...twoVoted, ...sessionDecider.decide(propose(), fold(twoVoted))];
    spec.given(proposed).when(propose()).thenThrows('COMMITTEE_PROPOSAL_ALREADY_RECORDED', { outcome: 'favourable' });
    spec.given(proposed).when(vote(parent)).thenThrows('COMMITTEE_PROPOSAL_ALREADY_RECORDED');
    const postpone: SessionCommand = {
      type: 'PostponeItem',
      sessionId: SID,
      projectId: PID,
      reason: 'Avis de la commune attendu',
      ctx: ctx(secretariat),
    };
    spec
      .given(twoVoted)
      .when(postpone)
      .then([{ type: 'committee.item_postponed', data: { sessionId: SID, projectId: PID, reason: 'Avis de la commune attendu' } }]);
    spec
      .given([...twoVoted, ...sessionDecider.decide(postpone, fold(twoVoted))])
      .when(propose())
      .thenThrows('COMMITTEE_ITEM_POSTPONED');
  });

  it('only the secretariat records a proposal', () => {
    spec
      .given(twoVoted)
      .when(propose({ ctx: ctx(parent) }))
      .thenThrows('COMMITTEE_FORBIDDEN');
  });
});

const fold = (events: Parameters<typeof spec.given>[0]) => events.reduce(sessionDecider.evolve, sessionDecider.initialState());
