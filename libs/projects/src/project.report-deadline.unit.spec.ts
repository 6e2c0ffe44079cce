import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import type { ProjectCommand } from './project.commands.js';
import { projectDecider } from './project.decider.js';
import { PID, T0, commandFor, ctx, finance, historyTo, owner, system } from './project.fixture.js';
import { REPORT_FORMAL_NOTICE_REASON } from './project.report-deadline.js';

const spec = deciderSpecification(projectDecider);
const ACT = `AA-${PID}-1`;
const DEADLINE = `${PID}/compte_rendu_financier/1`;
/** Wednesday 30 June 2027 in Meuse: lapses at midnight Paris; reminded at the start of Tuesday 1 June. */
const DUE_AT = '2027-06-30T22:00:00.000Z';
const REMIND_AT = '2027-05-31T22:00:00.000Z';

const open = (reportDueOn = '2027-06-30', at = T0, who = system): ProjectCommand => ({
  type: 'open_report_deadline',
  projectId: PID,
  actId: ACT,
  reportDueOn,
  ctx: ctx(who, at),
});
const expire = (at: Date): ProjectCommand => ({ type: 'expire_deadline', projectId: PID, deadlineId: DEADLINE, ctx: ctx(system, at) });
const remind = (at: Date): ProjectCommand => ({ type: 'remind_deadline', projectId: PID, deadlineId: DEADLINE, ctx: ctx(system, at) });

describe('the compte rendu financier deadline (opened on the act’s full signature)', () => {
  it('given a validated project, when the act is fully signed, then the deadline opens on its day, reminded 30 days before', () => {
    spec
      .given(historyTo('education', 'validated'))
      .when(open())
      .then([
        {
          type: 'project.deadline_opened',
          data: {
            deadlineId: DEADLINE,
            name: 'compte_rendu_financier',
            subjectId: PID,
            openedAt: T0.toISOString(),
            dueAt: DUE_AT,
            onExpiry: { command: 'report_formal_notice', reason: REPORT_FORMAL_NOTICE_REASON },
            dueDay: '2027-06-30',
            timeZone: 'Europe/Paris',
            remindAt: REMIND_AT,
            actId: ACT,
            reportDueOn: '2027-06-30',
          },
        },
      ]);
  });

  it('opening it again for the same day writes nothing; only the system opens it', () => {
    const given = [...historyTo('education', 'validated'), ...decide(historyTo('education', 'validated'), open())];
    spec.given(given).when(open()).then([]);
    spec
      .given(historyTo('education', 'validated'))
      .when(open('2027-06-30', T0, finance))
      .thenThrows('PROJECT_ROLE_NOT_ALLOWED');
  });

  it('an amendment moving the day lifts the open deadline and opens the new one', () => {
    const given = withOpened('validated');
    spec
      .given(given)
      .when(open('2027-12-31'))
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['project.deadline_cancelled', 'project.deadline_opened']);
        expect(events[0]!.data).toMatchObject({ deadlineId: DEADLINE, cancelledBy: 'open_report_deadline' });
        expect(events[1]!.data).toMatchObject({ deadlineId: `${PID}/compte_rendu_financier/2`, dueDay: '2027-12-31' });
      });
  });

  it('the reminder is the deadline’s reminder event, once, at its time', () => {
    spec
      .given(withOpened('validated'))
      .when(remind(new Date(REMIND_AT)))
      .then([
        {
          type: 'project.deadline_reminder_due',
          data: {
            deadlineId: DEADLINE,
            name: 'compte_rendu_financier',
            subjectId: PID,
            dueAt: DUE_AT,
            dueDay: '2027-06-30',
            at: REMIND_AT,
          },
        },
      ]);
  });

  it('given no report by the due time, when it lapses, then it expires and the system records the formal notice', () => {
    spec
      .given(withOpened('financing'))
      .when(expire(new Date(DUE_AT)))
      .then([
        {
          type: 'project.deadline_expired',
          data: { deadlineId: DEADLINE, name: 'compte_rendu_financier', subjectId: PID, dueAt: DUE_AT, at: DUE_AT },
        },
        {
          type: 'project.report_formal_notice',
          data: {
            deadlineId: DEADLINE,
            actId: ACT,
            reportDueOn: '2027-06-30',
            dueDay: '2027-06-30',
            dueAt: DUE_AT,
            reason: REPORT_FORMAL_NOTICE_REASON,
            by: { id: 'deadline-scheduler', role: 'system' },
            at: DUE_AT,
          },
        },
      ]);
    spec
      .given(withOpened('financing'))
      .when(expire(new Date(Date.parse(DUE_AT) - 1)))
      .thenThrows('PROJECT_DEADLINE_NOT_DUE');
  });

  it('the lapse once recorded, firing again writes nothing, and the project shows the notice', () => {
    const lapsed = [...withOpened('financing'), ...decide(withOpened('financing'), expire(new Date(DUE_AT)))];
    spec
      .given(lapsed)
      .when(expire(new Date(DUE_AT)))
      .then([]);
    const folded = lapsed.reduce(projectDecider.evolve, projectDecider.initialState());
    expect(folded).toMatchObject({ reportFormalNotice: { deadlineId: DEADLINE, actId: ACT, dueDay: '2027-06-30', at: DUE_AT } });
    expect(folded).not.toHaveProperty('reportDeadline');
  });

  it('transmitting the report lifts the deadline in the same decision; after it, nothing opens nor lapses', () => {
    const report = commandFor('education', 'submit_final_report', T0, owner);
    spec
      .given(withOpened('financing'))
      .when(report)
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['project.final_report_submitted', 'project.deadline_cancelled']);
        expect(events[1]!.data).toMatchObject({ deadlineId: DEADLINE, cancelledBy: 'submit_final_report' });
      });
    const transmitted = [...withOpened('financing'), ...decide(withOpened('financing'), report)];
    spec
      .given(transmitted)
      .when(expire(new Date(DUE_AT)))
      .then([]);
    spec.given(transmitted).when(open('2027-12-31')).then([]);
  });

  it('the act cancelled lifts its deadline; another act’s cancellation does not', () => {
    const cancel = (actId: string): ProjectCommand => ({ type: 'cancel_report_deadline', projectId: PID, actId, ctx: ctx(system) });
    spec
      .given(withOpened('validated'))
      .when(cancel(ACT))
      .then((events) => {
        expect(events).toMatchObject([{ type: 'project.deadline_cancelled', data: { deadlineId: DEADLINE } }]);
      });
    spec
      .given(withOpened('validated'))
      .when(cancel(`AA-${PID}-2`))
      .then([]);
  });
});

function decide(history: ReturnType<typeof historyTo>, command: ProjectCommand) {
  return projectDecider.decide(command, history.reduce(projectDecider.evolve, projectDecider.initialState()));
}

function withOpened(state: 'validated' | 'financing') {
  const history = historyTo('education', state);
  return [...history, ...decide(history, open())];
}
