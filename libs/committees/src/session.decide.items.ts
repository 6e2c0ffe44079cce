import { DomainError, invalid } from '#kernel';
import type { CastVote, PostponeItem, RecordProposal } from './session.commands.js';
import type { SessionEvent } from './session.events.js';
import { abstentionFor, assertQuorum, linksOf, tallyOf } from './session.quorum.js';
import { type AgendaItem, PROPOSAL_OUTCOMES, type ScheduledSession, VOTE_CHOICES } from './session.state.js';

const CODE = 'COMMITTEE_INVALID_FIELD';

/** A vote is a seated member's own: anyone else, whatever their role, is refused. */
export function assertSeated(s: ScheduledSession, personId: string): void {
  if (s.members.some((m) => m.personId === personId)) return;
  throw new DomainError('forbidden', 'COMMITTEE_NOT_A_MEMBER', 'Seul un membre siégeant dans la séance y vote, pour lui-même.', {
    sessionId: s.sessionId,
    personId,
  });
}

function openItem(s: ScheduledSession, projectId: string): AgendaItem {
  const item = s.items.find((i) => i.projectId === projectId);
  if (!item) {
    throw new DomainError('not_found', 'COMMITTEE_ITEM_NOT_FOUND', `Le projet ${projectId} n’est pas à l’ordre du jour de cette séance.`, {
      sessionId: s.sessionId,
      projectId,
    });
  }
  if (item.proposal) {
    throw new DomainError(
      'conflict',
      'COMMITTEE_PROPOSAL_ALREADY_RECORDED',
      `La proposition sur le projet ${projectId} est déjà enregistrée.`,
      {
        projectId,
        outcome: item.proposal.outcome,
      },
    );
  }
  if (item.postponed) {
    throw new DomainError('conflict', 'COMMITTEE_ITEM_POSTPONED', `L’examen du projet ${projectId} a été reporté.`, { projectId });
  }
  return item;
}

function checkedReason(raw: unknown): string {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason.length < 1 || reason.length > 2000) throw invalid(CODE, 'reason', 'required, length-1-2000');
  return reason;
}

/** A member linked to a party of the item has no vote on it: the abstention recorded, or a link declared since. */
export function castVote(c: CastVote, s: ScheduledSession): SessionEvent[] {
  const personId = c.ctx.actor.id;
  const item = openItem(s, c.projectId);
  if (!VOTE_CHOICES.includes(c.vote)) throw invalid(CODE, 'vote', `one-of:${VOTE_CHOICES.join('|')}`);
  const conflict = item.abstentions.find((a) => a.personId === personId) ?? abstentionFor(personId, linksOf(c.interests, personId), item);
  if (conflict) {
    throw new DomainError(
      'conflict',
      'CONFLICT_OF_INTEREST',
      `Vous avez déclaré un lien avec ${conflict.partyOrganisationId}, partie au projet : votre abstention est de droit sur ce point.`,
      { sessionId: s.sessionId, projectId: c.projectId, personId, link: conflict.link, party: conflict.party },
    );
  }
  if (item.votes.some((v) => v.personId === personId)) {
    throw new DomainError('conflict', 'COMMITTEE_VOTE_ALREADY_CAST', 'Votre vote sur ce projet est déjà enregistré.', {
      projectId: c.projectId,
      personId,
    });
  }
  return [{ type: 'committee.vote_cast', data: { sessionId: s.sessionId, projectId: c.projectId, personId, vote: c.vote } }];
}

function checkedAmount(c: RecordProposal): number | undefined {
  const amount = c.proposedAmountCents;
  if (c.outcome !== 'favourable') {
    if (amount !== undefined) throw invalid(CODE, 'proposedAmountCents', 'only with a favourable proposal');
    return undefined;
  }
  if (!Number.isSafeInteger(amount) || (amount as number) <= 0) throw invalid(CODE, 'proposedAmountCents', 'integer cents > 0, required');
  return amount;
}

/**
 * The session's proposal on an item, once the quorum votes. The links in force now are checked first: a member who
 * declared a link since the item was added has their abstention recorded with the proposal, and their vote does not count.
 */
export function recordProposal(c: RecordProposal, s: ScheduledSession): SessionEvent[] {
  const item = openItem(s, c.projectId);
  if (!PROPOSAL_OUTCOMES.includes(c.outcome)) throw invalid(CODE, 'outcome', `one-of:${PROPOSAL_OUTCOMES.join('|')}`);
  const proposedAmountCents = checkedAmount(c);
  const reason = checkedReason(c.reason);
  const { sessionId } = s;
  const projectId = item.projectId;
  const recorded = new Set(item.abstentions.map((a) => a.personId));
  const late = s.members
    .filter((m) => !recorded.has(m.personId))
    .flatMap((m) => abstentionFor(m.personId, linksOf(c.interests, m.personId), item) ?? []);
  const tally = tallyOf(s, item, [...item.abstentions, ...late]);
  assertQuorum(s, projectId, tally);
  const proposal = { outcome: c.outcome, ...(proposedAmountCents === undefined ? {} : { proposedAmountCents }), reason, tally };
  return [
    ...late.map((a): SessionEvent => ({ type: 'committee.abstention_recorded', data: { sessionId, projectId, ...a } })),
    { type: 'committee.proposal_recorded', data: { sessionId, projectId, ...proposal } },
  ];
}

/** An item examined at a later session: the session can then close without a proposal on it. */
export function postponeItem(c: PostponeItem, s: ScheduledSession): SessionEvent[] {
  const item = openItem(s, c.projectId);
  return [
    { type: 'committee.item_postponed', data: { sessionId: s.sessionId, projectId: item.projectId, reason: checkedReason(c.reason) } },
  ];
}
