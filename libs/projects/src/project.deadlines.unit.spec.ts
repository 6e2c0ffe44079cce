import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import type { DeadlineOpenedData } from '#workflow';
import type { ProjectCommand } from './project.commands.js';
import { projectDecider } from './project.decider.js';
import { PID, commandFor, ctx, pathTo, play, system } from './project.fixture.js';
import type { Program } from './project.state.js';

/** Friday 20 October 2023, in Meuse (académie de Nancy-Metz, zone B): the Toussaint holidays start the next day. */
const ASKED = new Date('2023-10-20T14:00:00+02:00');

function askedForCompletion(program: Program, at = ASKED) {
  const before = play(pathTo(program, 'under_analysis'));
  const asked = projectDecider.decide(commandFor(program, 'request_completion', at), before.state);
  const opened = asked.find((e) => e.type === 'project.deadline_opened')!.data as DeadlineOpenedData;
  return { opened, events: [...before.events, ...asked], state: fold(projectDecider, [...before.events, ...asked]) };
}

const remind = (now: Date): ProjectCommand => ({
  type: 'remind_deadline',
  projectId: PID,
  deadlineId: `${PID}/completion/1`,
  ctx: ctx(system, now),
});

describe('the completion deadline of each program', () => {
  it('education: suspended during the zone B Toussaint, due Tuesday 5 December 2023, reminded 7 days before', () => {
    expect(askedForCompletion('education').opened).toMatchObject({
      dueDay: '2023-12-05',
      dueAt: '2023-12-05T23:00:00.000Z',
      suspendedDays: 16,
      remindAt: '2023-11-28T23:00:00.000Z',
    });
  });

  it('health: not suspended (its holders are not schools): 19 November is a Sunday, due Monday 20', () => {
    const { opened } = askedForCompletion('health');
    expect(opened).toMatchObject({ dueDay: '2023-11-20', dueAt: '2023-11-20T23:00:00.000Z' });
    expect(opened).not.toHaveProperty('suspendedDays');
  });

  it('the reminder is a typed project event, once; never once the holder has resubmitted', () => {
    const { state, events, opened } = askedForCompletion('education');
    const at = new Date(opened.remindAt!);
    const first = projectDecider.decide(remind(at), state);
    expect(first).toEqual([
      {
        type: 'project.deadline_reminder_due',
        data: {
          deadlineId: `${PID}/completion/1`,
          name: 'completion',
          subjectId: PID,
          dueAt: opened.dueAt,
          dueDay: '2023-12-05',
          at: at.toISOString(),
        },
      },
    ]);
    const reminded = fold(projectDecider, [...events, ...first]);
    expect(projectDecider.decide(remind(at), reminded)).toEqual([]);
    const resubmitted = fold(projectDecider, [...events, ...projectDecider.decide(commandFor('education', 'resubmit', at), state)]);
    expect(projectDecider.decide(remind(at), resubmitted)).toEqual([]);
  });
});
