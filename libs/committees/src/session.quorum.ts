import { DomainError } from '#kernel';
import { conflictingLinks } from './conflicts.js';
import type { InterestLink } from './interest.events.js';
import type { DeclaredInterests } from './session.commands.js';
import type { Abstention, AgendaItem, QuorumRule, ScheduledSession, Tally } from './session.state.js';

/** The links a person has now, as the handler passed them; missing means the handler did not read them: retry (503). */
export function linksOf(interests: DeclaredInterests, personId: string): readonly InterestLink[] {
  const links = interests[personId];
  if (links === undefined) {
    throw new DomainError(
      'unavailable',
      'COMMITTEE_INTERESTS_NOT_LOADED',
      `Les déclarations d’intérêts de ${personId} n’ont pas été lues avant la décision : réessayez.`,
      { personId },
    );
  }
  return links;
}

/** The abstention a person's links impose on an item (the first conflicting link names it), if any. */
export function abstentionFor(personId: string, links: readonly InterestLink[], item: Pick<AgendaItem, 'parties'>): Abstention | undefined {
  const conflict = conflictingLinks(links, item.parties)[0];
  if (!conflict) return undefined;
  const { organisationId, nature } = conflict.link;
  return { personId, link: { organisationId, nature }, party: conflict.party, partyOrganisationId: conflict.organisationId };
}

/** How many members the rule requires to vote on an item; never fewer than one. */
export function requiredVoting(rule: QuorumRule, seated: number): number {
  const required = rule.kind === 'minimum_voting' ? rule.count : Math.ceil((seated * rule.percent) / 100);
  return Math.max(1, required);
}

/** The votes that count on an item: a member abstaining for a conflict of interest has no vote, whatever was cast. */
export function tallyOf(s: ScheduledSession, item: AgendaItem, abstentions: readonly Abstention[] = item.abstentions): Tally {
  const conflicted = new Set(abstentions.map((a) => a.personId));
  const counted = item.votes.filter((v) => !conflicted.has(v.personId));
  const count = (vote: string) => counted.filter((v) => v.vote === vote).length;
  return {
    favourable: count('favourable'),
    unfavourable: count('unfavourable'),
    abstain: count('abstain'),
    conflicted: conflicted.size,
    required: requiredVoting(s.quorum, s.members.length),
  };
}

/** A proposal needs the quorum: members voting favourable or unfavourable, abstentions of any kind not counted. */
export function assertQuorum(s: ScheduledSession, projectId: string, tally: Tally): void {
  const voting = tally.favourable + tally.unfavourable;
  if (voting >= tally.required) return;
  throw new DomainError(
    'conflict',
    'QUORUM_NOT_MET',
    `Quorum non atteint sur ce projet : ${voting} membre(s) ont voté, il en faut ${tally.required} (les abstentions ne comptent pas).`,
    {
      sessionId: s.sessionId,
      projectId,
      voting,
      required: tally.required,
      abstentions: tally.abstain + tally.conflicted,
      quorum: s.quorum,
    },
  );
}
