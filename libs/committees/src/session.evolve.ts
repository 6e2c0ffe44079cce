import type { SessionEvent } from './session.events.js';
import type { AgendaItem, SessionState } from './session.state.js';

function withItem(s: SessionState, projectId: string, change: (item: AgendaItem) => AgendaItem): SessionState {
  if (!s.scheduled) return s;
  return { ...s, items: s.items.map((i) => (i.projectId === projectId ? change(i) : i)) };
}

export function evolveSession(s: SessionState, e: SessionEvent): SessionState {
  if (e.type === 'committee.session_scheduled') {
    const { sessionId, kind, program, territory, date, quorum } = e.data;
    return { scheduled: true, sessionId, kind, program, territory, date, quorum, members: [], items: [], closed: false };
  }
  if (!s.scheduled) return s;
  switch (e.type) {
    case 'committee.member_seated':
      return { ...s, members: [...s.members, { personId: e.data.personId, capacity: e.data.capacity }] };
    case 'committee.item_added':
      return { ...s, items: [...s.items, { projectId: e.data.projectId, parties: e.data.parties, abstentions: [], votes: [] }] };
    case 'committee.abstention_recorded': {
      const { sessionId: _s, projectId, ...abstention } = e.data;
      return withItem(s, projectId, (i) => ({ ...i, abstentions: [...i.abstentions, abstention] }));
    }
    case 'committee.vote_cast':
      return withItem(s, e.data.projectId, (i) => ({ ...i, votes: [...i.votes, { personId: e.data.personId, vote: e.data.vote }] }));
    case 'committee.proposal_recorded': {
      const { sessionId: _s, projectId, ...proposal } = e.data;
      return withItem(s, projectId, (i) => ({ ...i, proposal }));
    }
    case 'committee.item_postponed':
      return withItem(s, e.data.projectId, (i) => ({ ...i, postponed: { reason: e.data.reason } }));
    case 'committee.minutes_recorded': {
      const { sessionId: _s, ...minutes } = e.data;
      return { ...s, minutes };
    }
    case 'committee.session_closed':
      return { ...s, closed: true };
  }
}
