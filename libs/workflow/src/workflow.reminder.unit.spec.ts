import { describe, expect, it } from '@jest/globals';
import { type CommandContext, type DomainEvent, DomainError } from '#kernel';
import { workflowDecider } from './workflow.decider.js';
import type { ScheduleDeadline } from './workflow.deadlines.js';
import { DEMO_CODES, actor, alice, reviewDefinition, reviewer, subject } from './workflow.fixture.js';

const types = { deadlineOpened: 'do', deadlineCancelled: 'dc', deadlineExpired: 'de', deadlineReminderDue: 'dr' };
const T0 = new Date('2026-01-10T09:00:00.000Z');
const system = actor('system', 'scheduler');
const ctx = (a = alice, now = T0): CommandContext => ({ actor: a, now });

function withReminder(schedule?: ScheduleDeadline) {
  const definition = reviewDefinition();
  definition.deadlines[0]!.reminderDaysBefore = 3;
  const engine = workflowDecider(definition, { types, codes: DEMO_CODES, ...(schedule ? { schedule } : {}) });
  let instance = engine.start();
  const events: DomainEvent[] = [];
  for (const [command, c, reason] of [
    ['send', ctx(), undefined],
    ['ask', ctx(reviewer), 'précisez'],
  ] as const) {
    const out = engine.decide({ command, ctx: c, ...(reason ? { reason } : {}) }, instance, subject());
    for (const e of out) instance = engine.evolve(instance, e);
    events.push(...out);
  }
  return { engine, instance, opened: events.find((e) => e.type === 'do')! };
}

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
  }
  return undefined;
};

describe('deadline reminders', () => {
  it('the default schedule reminds reminderDaysBefore days of 24 hours before the due time', () => {
    expect(withReminder().opened.data).toMatchObject({ dueAt: '2026-01-20T09:00:00.000Z', remindAt: '2026-01-17T09:00:00.000Z' });
  });

  it('the schedule given by the subject module decides the due time and what it records', () => {
    const schedule: ScheduleDeadline = ({ deadline }) => ({
      dueAt: '2026-02-01T23:00:00.000Z',
      dueDay: '2026-02-01',
      remindAt: '2026-01-25T23:00:00.000Z',
      suspendedDays: deadline.durationDays,
    });
    expect(withReminder(schedule).opened.data).toMatchObject({
      dueAt: '2026-02-01T23:00:00.000Z',
      dueDay: '2026-02-01',
      suspendedDays: 10,
    });
  });

  it('is due once, at its time: before, it is refused; twice, the second is a no-op', () => {
    const { engine, instance } = withReminder();
    const request = (now: Date) => ({ deadlineId: 'd1/reply/1', ctx: ctx(system, now) });
    expect(codeOf(() => engine.remind(request(new Date('2026-01-17T08:59:59.999Z')), instance, subject()))).toBe('DEMO_DEADLINE_NOT_DUE');
    const out = engine.remind(request(new Date('2026-01-17T09:00:00.000Z')), instance, subject());
    expect(out).toEqual([
      {
        type: 'dr',
        data: {
          deadlineId: 'd1/reply/1',
          name: 'reply',
          subjectId: 'd1',
          dueAt: '2026-01-20T09:00:00.000Z',
          at: '2026-01-17T09:00:00.000Z',
        },
      },
    ]);
    const after = out.reduce(engine.evolve, instance);
    expect(after.deadlines[0]).toMatchObject({ reminded: true });
    expect(engine.remind(request(new Date('2026-01-18T00:00:00.000Z')), after, subject())).toEqual([]);
  });

  it('never once the deadline is cancelled, expired, or already due', () => {
    const { engine, instance } = withReminder();
    const late = { deadlineId: 'd1/reply/1', ctx: ctx(system, new Date('2026-01-20T09:00:00.000Z')) };
    expect(engine.remind(late, instance, subject())).toEqual([]);
    const cancelled = engine.decide({ command: 'reply', ctx: ctx() }, instance, subject()).reduce(engine.evolve, instance);
    const inTime = { deadlineId: 'd1/reply/1', ctx: ctx(system, new Date('2026-01-18T09:00:00.000Z')) };
    expect(engine.remind(inTime, cancelled, subject())).toEqual([]);
    const expired = engine.expire(late, instance, subject()).reduce(engine.evolve, instance);
    expect(engine.remind(inTime, expired, subject())).toEqual([]);
  });
});
