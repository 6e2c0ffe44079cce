import { DomainError, invalid } from '#kernel';
import type { AddToAgenda, RecordMinutes, ScheduleSession, SeatMember, SessionCommand } from './session.commands.js';
import { assertSeated, castVote, postponeItem, recordProposal } from './session.decide.items.js';
import type { SessionEvent } from './session.events.js';
import { abstentionFor, linksOf } from './session.quorum.js';
import {
  AGENDA_READY_STATES,
  DEFAULT_QUORUM,
  MEMBER_CAPACITIES,
  type QuorumRule,
  SESSION_KINDS,
  type ScheduledSession,
  type SessionState,
} from './session.state.js';
import { PROGRAM_OF_KIND, canManageSession, checkedTerritory, projectInTerritory, sessionNotFound } from './session.territory.js';

const CODE = 'COMMITTEE_INVALID_FIELD';
const ID = /^[A-Za-z0-9._:@-]{1,100}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const checkedId = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || !ID.test(value)) throw invalid(CODE, field, 'id: 1-100 of A-Z a-z 0-9 . _ : @ -');
  return value;
};

const isIsoDay = (d: string) => ISO_DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 100;

function checkedQuorum(q: QuorumRule | undefined): QuorumRule {
  if (q === undefined) return DEFAULT_QUORUM;
  if (q.kind === 'share_of_seated' && isCount(q.percent)) return { kind: q.kind, percent: q.percent };
  if (q.kind === 'minimum_voting' && isCount(q.count)) return { kind: q.kind, count: q.count };
  throw invalid(CODE, 'quorum', 'share_of_seated with percent 1-100, or minimum_voting with count 1-100');
}

function schedule(c: ScheduleSession, s: SessionState): SessionEvent[] {
  const sessionId = checkedId(c.sessionId, 'sessionId');
  if (s.scheduled) throw new DomainError('conflict', 'COMMITTEE_SESSION_EXISTS', `La séance ${sessionId} existe déjà.`, { sessionId });
  if (!SESSION_KINDS.includes(c.kind)) throw invalid(CODE, 'kind', `one-of:${SESSION_KINDS.join('|')}`);
  if (PROGRAM_OF_KIND[c.kind] !== c.program) throw invalid(CODE, 'program', `${c.kind} examines ${PROGRAM_OF_KIND[c.kind]} projects`);
  const territory = checkedTerritory(c.kind, c.territory);
  if (typeof c.date !== 'string' || !isIsoDay(c.date)) throw invalid(CODE, 'date', 'ISO day YYYY-MM-DD');
  const quorum = checkedQuorum(c.quorum);
  canManageSession(c.ctx.actor, { kind: c.kind, territory });
  const data = { sessionId, kind: c.kind, program: c.program, territory, date: c.date, quorum };
  return [{ type: 'committee.session_scheduled', data }];
}

function seat(c: SeatMember, s: ScheduledSession): SessionEvent[] {
  const personId = checkedId(c.personId, 'personId');
  if (!Object.hasOwn(MEMBER_CAPACITIES, c.capacity)) throw invalid(CODE, 'capacity', `one-of:${Object.keys(MEMBER_CAPACITIES).join('|')}`);
  if (s.members.some((m) => m.personId === personId)) {
    throw new DomainError('conflict', 'COMMITTEE_MEMBER_ALREADY_SEATED', `${personId} siège déjà dans cette séance.`, { personId });
  }
  const links = linksOf(c.interests, personId);
  const { sessionId } = s;
  return [
    { type: 'committee.member_seated', data: { sessionId, personId, capacity: c.capacity } },
    ...s.items.flatMap((item): SessionEvent[] => {
      const abstention = abstentionFor(personId, links, item);
      return abstention ? [{ type: 'committee.abstention_recorded', data: { sessionId, projectId: item.projectId, ...abstention } }] : [];
    }),
  ];
}

function addToAgenda(c: AddToAgenda, s: ScheduledSession): SessionEvent[] {
  const { project } = c;
  const { projectId } = project;
  if (s.items.some((i) => i.projectId === projectId)) {
    throw new DomainError('conflict', 'COMMITTEE_ITEM_ALREADY_ON_AGENDA', `Le projet ${projectId} est déjà à l’ordre du jour.`, {
      projectId,
    });
  }
  if (project.program !== s.program) {
    throw new DomainError(
      'conflict',
      'COMMITTEE_PROGRAM_MISMATCH',
      `Cette séance n’examine pas les projets du programme ${project.program}.`,
      {
        projectId,
        program: project.program,
        sessionProgram: s.program,
      },
    );
  }
  if (!projectInTerritory(s, project.territory)) {
    throw new DomainError(
      'conflict',
      'COMMITTEE_PROJECT_OUT_OF_TERRITORY',
      `Le projet ${projectId} n’est pas du ressort de cette séance.`,
      {
        projectId,
        territory: s.territory,
      },
    );
  }
  if (!AGENDA_READY_STATES.includes(project.status)) {
    throw new DomainError(
      'conflict',
      'COMMITTEE_PROJECT_NOT_READY',
      `Le projet ${projectId} n’est pas prêt à être examiné (son analyse).`,
      {
        projectId,
        status: project.status,
        allowed: AGENDA_READY_STATES,
      },
    );
  }
  const { sessionId } = s;
  const item = { parties: project.parties };
  return [
    { type: 'committee.item_added', data: { sessionId, projectId, parties: project.parties } },
    ...s.members.flatMap((m): SessionEvent[] => {
      const abstention = abstentionFor(m.personId, linksOf(c.interests, m.personId), item);
      return abstention ? [{ type: 'committee.abstention_recorded', data: { sessionId, projectId, ...abstention } }] : [];
    }),
  ];
}

function recordMinutes(c: RecordMinutes, s: ScheduledSession): SessionEvent[] {
  const text = c.text?.trim();
  const reference = c.reference?.trim();
  if (!text && !reference) throw invalid(CODE, 'text', 'text or reference required');
  if (text && text.length > 20000) throw invalid(CODE, 'text', 'length-1-20000');
  if (reference && reference.length > 200) throw invalid(CODE, 'reference', 'length-1-200');
  return [
    {
      type: 'committee.minutes_recorded',
      data: { sessionId: s.sessionId, ...(text ? { text } : {}), ...(reference ? { reference } : {}) },
    },
  ];
}

function close(s: ScheduledSession, now: Date): SessionEvent[] {
  const pending = s.items.filter((i) => !i.proposal && !i.postponed).map((i) => i.projectId);
  if (pending.length > 0) {
    throw new DomainError(
      'conflict',
      'COMMITTEE_ITEMS_PENDING',
      'Chaque projet de l’ordre du jour doit avoir une proposition ou être reporté.',
      {
        pending,
      },
    );
  }
  if (!s.minutes)
    throw new DomainError('conflict', 'COMMITTEE_MINUTES_MISSING', 'Le procès-verbal de la séance doit être enregistré avant sa clôture.');
  return [{ type: 'committee.session_closed', data: { sessionId: s.sessionId, closedOn: now.toISOString().slice(0, 10) } }];
}

function assertOpen(s: ScheduledSession): void {
  if (!s.closed) return;
  throw new DomainError('conflict', 'COMMITTEE_SESSION_CLOSED', `La séance ${s.sessionId} est close : plus rien n’y change.`, {
    sessionId: s.sessionId,
  });
}

export function decideSession(c: SessionCommand, s: SessionState): SessionEvent[] {
  if (c.type === 'ScheduleSession') return schedule(c, s);
  if (!s.scheduled) throw sessionNotFound(c.sessionId);
  if (c.type === 'CastVote') assertSeated(s, c.ctx.actor.id);
  else canManageSession(c.ctx.actor, s);
  assertOpen(s);
  switch (c.type) {
    case 'SeatMember':
      return seat(c, s);
    case 'AddToAgenda':
      return addToAgenda(c, s);
    case 'CastVote':
      return castVote(c, s);
    case 'RecordProposal':
      return recordProposal(c, s);
    case 'PostponeItem':
      return postponeItem(c, s);
    case 'RecordMinutes':
      return recordMinutes(c, s);
    case 'CloseSession':
      return close(s, c.ctx.now);
  }
}
