import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import {
  PID,
  SID,
  admin,
  ctx,
  itemAdded,
  lilleValidator,
  link,
  mayorAbstains,
  mayorLinks,
  meuseOffice,
  noLinks,
  project,
  scheduled,
  seated,
  secretariat,
  threeMembersAndItem,
} from './committee.fixture.js';
import { sessionDecider } from './session.decider.js';
import type { ScheduleSession, SessionCommand } from './session.commands.js';

const spec = deciderSpecification(sessionDecider);
const schedule = (over: Partial<ScheduleSession> = {}): SessionCommand => ({
  type: 'ScheduleSession',
  sessionId: SID,
  kind: 'commission_departementale',
  program: 'education',
  territory: '55',
  date: '2026-03-10',
  ctx: ctx(secretariat),
  ...over,
});
const seat = (personId: string, interests = noLinks, who = secretariat): SessionCommand => ({
  type: 'SeatMember',
  sessionId: SID,
  personId,
  capacity: 'representant_collectivite',
  interests,
  ctx: ctx(who),
});
const add = (over: Parameters<typeof project>[0] = {}, interests = { ...noLinks, ...mayorLinks }): SessionCommand => ({
  type: 'AddToAgenda',
  sessionId: SID,
  project: project(over),
  interests,
  ctx: ctx(secretariat),
});

describe('committee session: schedule', () => {
  it('a validator of the académie schedules the commission départementale, with the default quorum (half the seated members)', () => {
    spec.given([]).when(schedule()).then([scheduled()]);
  });

  it('the quorum is configurable; the département’s own service and an admin schedule too', () => {
    spec
      .given([])
      .when(schedule({ quorum: { kind: 'minimum_voting', count: 3 }, ctx: ctx(meuseOffice) }))
      .then([scheduled({ kind: 'minimum_voting', count: 3 })]);
    spec
      .given([])
      .when(schedule({ ctx: ctx(admin) }))
      .then([scheduled()]);
  });

  it('a validator of another académie may not', () => {
    spec
      .given([])
      .when(schedule({ ctx: ctx(lilleValidator) }))
      .thenThrows('COMMITTEE_FORBIDDEN');
  });

  it('refuses an unknown territory, a program the kind does not serve, a bad date or quorum; schedules once', () => {
    spec
      .given([])
      .when(schedule({ territory: '99' }))
      .thenThrows('COMMITTEE_INVALID_FIELD', { field: 'territory', rule: 'département code' });
    spec
      .given([])
      .when(schedule({ program: 'health' }))
      .thenThrows('COMMITTEE_INVALID_FIELD', { field: 'program' });
    spec
      .given([])
      .when(schedule({ date: '2026-02-30' }))
      .thenThrows('COMMITTEE_INVALID_FIELD', { field: 'date' });
    spec
      .given([])
      .when(schedule({ quorum: { kind: 'share_of_seated', percent: 0 } }))
      .thenThrows('COMMITTEE_INVALID_FIELD', { field: 'quorum' });
    spec.given([scheduled()]).when(schedule()).thenThrows('COMMITTEE_SESSION_EXISTS');
  });

  it('a CTS session examines health projects of its territory', () => {
    spec
      .given([])
      .when(
        schedule({
          kind: 'cts',
          program: 'health',
          territory: 'cts-44-55',
          ctx: ctx({ id: 'ars', role: 'validator', scope: { regions: ['44'] } }),
        }),
      )
      .then((events) => expect(events[0]!.data).toMatchObject({ kind: 'cts', territory: 'CTS-44-55' }));
  });
});

describe('committee session: members and agenda', () => {
  it('seats a member; a member linked to a party of an item already on the agenda has their abstention recorded', () => {
    spec
      .given([scheduled()])
      .when(seat('ien-1'))
      .then([{ type: 'committee.member_seated', data: { sessionId: SID, personId: 'ien-1', capacity: 'representant_collectivite' } }]);
    spec
      .given([scheduled(), itemAdded()])
      .when(seat('mayor-1', mayorLinks))
      .then([
        { type: 'committee.member_seated', data: { sessionId: SID, personId: 'mayor-1', capacity: 'representant_collectivite' } },
        mayorAbstains(),
      ]);
  });

  it('a member is seated once; only the secretariat seats', () => {
    spec
      .given([scheduled(), seated('ien-1')])
      .when(seat('ien-1'))
      .thenThrows('COMMITTEE_MEMBER_ALREADY_SEATED');
    spec
      .given([scheduled()])
      .when(seat('ien-1', noLinks, lilleValidator))
      .thenThrows('COMMITTEE_FORBIDDEN');
  });

  it('putting a project on the agenda records the abstention of every seated member linked to one of its parties', () => {
    spec
      .given([scheduled(), seated('ien-1'), seated('mayor-1')])
      .when(add())
      .then([itemAdded(), mayorAbstains()]);
  });

  it('a link to another establishment of the same legal person (same SIREN) is a link to it', () => {
    spec
      .given([scheduled(), seated('mayor-1')])
      .when(add({}, { 'mayor-1': [link('21550029900023')] }))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['committee.item_added', 'committee.abstention_recorded']));
  });

  it('a project goes on the agenda once, when its analysis is done, of the session’s program and territory', () => {
    spec.given(threeMembersAndItem).when(add()).thenThrows('COMMITTEE_ITEM_ALREADY_ON_AGENDA', { projectId: PID });
    spec
      .given([scheduled()])
      .when(add({ status: 'drafting' }))
      .thenThrows('COMMITTEE_PROJECT_NOT_READY', { status: 'drafting' });
    spec
      .given([scheduled()])
      .when(add({ program: 'health' }))
      .thenThrows('COMMITTEE_PROGRAM_MISMATCH');
    spec
      .given([scheduled()])
      .when(add({ territory: { region: '44', departement: '54', academie: '12' } }))
      .thenThrows('COMMITTEE_PROJECT_OUT_OF_TERRITORY');
  });

  it('a member whose links the handler did not read blocks the decision (503, retried), never a silent "no link"', () => {
    spec
      .given([scheduled(), seated('mayor-1')])
      .when(add({}, {}))
      .thenThrows('COMMITTEE_INTERESTS_NOT_LOADED', { personId: 'mayor-1' });
  });

  it('acts on a scheduled session only', () => {
    spec.given([]).when(seat('ien-1')).thenThrows('COMMITTEE_SESSION_NOT_FOUND');
  });
});

describe('committee session: minutes and close', () => {
  const decided = {
    type: 'committee.proposal_recorded' as const,
    data: {
      sessionId: SID,
      projectId: PID,
      outcome: 'unfavourable' as const,
      reason: 'Budget non justifié',
      tally: { favourable: 0, unfavourable: 2, abstain: 0, conflicted: 1, required: 2 },
    },
  };
  const minutes = { type: 'committee.minutes_recorded' as const, data: { sessionId: SID, reference: 'PV-2026-03-55' } };
  const close: SessionCommand = { type: 'CloseSession', sessionId: SID, ctx: ctx(secretariat) };

  it('records the minutes (a text or the reference of the signed document)', () => {
    spec
      .given([scheduled()])
      .when({ type: 'RecordMinutes', sessionId: SID, reference: ' PV-2026-03-55 ', ctx: ctx(secretariat) })
      .then([minutes]);
    spec
      .given([scheduled()])
      .when({ type: 'RecordMinutes', sessionId: SID, text: '  ', ctx: ctx(secretariat) })
      .thenThrows('COMMITTEE_INVALID_FIELD', { field: 'text' });
  });

  it('closes once every item has a proposal or is postponed, and the minutes are recorded', () => {
    spec
      .given([...threeMembersAndItem, minutes])
      .when(close)
      .thenThrows('COMMITTEE_ITEMS_PENDING', { pending: [PID] });
    spec
      .given([...threeMembersAndItem, decided])
      .when(close)
      .thenThrows('COMMITTEE_MINUTES_MISSING');
    spec
      .given([...threeMembersAndItem, decided, minutes])
      .when(close)
      .then([{ type: 'committee.session_closed', data: { sessionId: SID, closedOn: '2026-03-10' } }]);
    const postponed = { type: 'committee.item_postponed' as const, data: { sessionId: SID, projectId: PID, reason: 'Pièces attendues' } };
    spec
      .given([...threeMembersAndItem, postponed, minutes])
      .when(close)
      .then((events) => expect(events).toHaveLength(1));
  });

  it('after the close nothing changes', () => {
    const closed = [
      ...threeMembersAndItem,
      decided,
      minutes,
      { type: 'committee.session_closed' as const, data: { sessionId: SID, closedOn: '2026-03-10' } },
    ];
    for (const command of [
      seat('parent-2'),
      add({ projectId: 'p-2' }),
      close,
      { type: 'RecordMinutes', sessionId: SID, text: 'x', ctx: ctx(secretariat) } as SessionCommand,
    ]) {
      spec.given(closed).when(command).thenThrows('COMMITTEE_SESSION_CLOSED');
    }
    spec
      .given(closed)
      .when({
        type: 'CastVote',
        sessionId: SID,
        projectId: PID,
        vote: 'favourable',
        interests: noLinks,
        ctx: ctx({ id: 'ien-1', role: 'validator', scope: {} }),
      })
      .thenThrows('COMMITTEE_SESSION_CLOSED');
  });
});
