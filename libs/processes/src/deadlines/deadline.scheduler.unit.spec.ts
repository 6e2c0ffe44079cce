import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { type ScheduleEvent, deadlineScheduler, toScheduleEvent } from './deadline.scheduler.js';

const opened = (id: string, dueAt: string): ScheduleEvent => ({
  type: 'project.deadline_opened',
  data: {
    deadlineId: id,
    name: 'completion',
    subjectId: id.split('/')[0]!,
    openedAt: '2026-01-01T00:00:00.000Z',
    dueAt,
    onExpiry: { command: 'lapse', reason: 'r' },
    streamId: `project-${id.split('/')[0]}`,
  },
});
const cancelled = (id: string): ScheduleEvent => ({
  type: 'project.deadline_cancelled',
  data: { deadlineId: id, name: 'completion', subjectId: 'x', cancelledBy: 'resubmit', at: '2026-01-02T00:00:00.000Z', streamId: 's' },
});
const tick = (iso: string) => ({ type: 'tick' as const, now: new Date(iso) });

describe('deadlineScheduler (pure)', () => {
  const state = fold(deadlineScheduler, [
    opened('a/completion/1', '2026-02-01T00:00:00.000Z'),
    opened('b/completion/1', '2026-01-15T00:00:00.000Z'),
  ]);

  it('keeps the pending deadlines with their stream', () => {
    expect(state.pending['a/completion/1']).toEqual({
      deadlineId: 'a/completion/1',
      streamId: 'project-a',
      projectId: 'a',
      name: 'completion',
      dueAt: '2026-02-01T00:00:00.000Z',
    });
  });

  it('decides nothing before the due time, then the due ones, earliest first', () => {
    expect(deadlineScheduler.decide(tick('2026-01-14T23:59:59.999Z'), state)).toEqual([]);
    expect(deadlineScheduler.decide(tick('2026-01-15T00:00:00.000Z'), state).map((e) => e.data.deadlineId)).toEqual(['b/completion/1']);
    expect(deadlineScheduler.decide(tick('2026-03-01T00:00:00.000Z'), state).map((e) => e.data.deadlineId)).toEqual([
      'b/completion/1',
      'a/completion/1',
    ]);
  });

  it('forgets cancelled and expired deadlines; other events change nothing', () => {
    const after = deadlineScheduler.evolve(state, cancelled('b/completion/1'));
    expect(Object.keys(after.pending)).toEqual(['a/completion/1']);
    expect(deadlineScheduler.evolve(after, cancelled('b/completion/1'))).toBe(after);
    expect(toScheduleEvent({ type: 'project.transitioned', data: {}, streamId: 's' })).toBeUndefined();
    expect(toScheduleEvent({ type: 'project.deadline_expired', data: { deadlineId: 'q' }, streamId: 's' })).toEqual({
      type: 'project.deadline_expired',
      data: { deadlineId: 'q', streamId: 's' },
    });
  });

  it('decides a reminder between its time and the due time, until the log records it', () => {
    const withReminder: ScheduleEvent = {
      type: 'project.deadline_opened',
      data: { ...(opened('c/completion/1', '2026-02-01T00:00:00.000Z').data as object), remindAt: '2026-01-25T00:00:00.000Z' },
    } as ScheduleEvent;
    const s = fold(deadlineScheduler, [withReminder]);
    const types = (iso: string, at = s) => deadlineScheduler.decide(tick(iso), at).map((e) => e.type);
    expect(types('2026-01-24T23:59:59.999Z')).toEqual([]);
    expect(types('2026-01-25T00:00:00.000Z')).toEqual(['deadline.reminder_due']);
    expect(types('2026-02-01T00:00:00.000Z')).toEqual(['deadline.due']);
    const reminded = deadlineScheduler.evolve(s, {
      type: 'project.deadline_reminder_due',
      data: { deadlineId: 'c/completion/1', name: 'completion', subjectId: 'c', dueAt: '2026-02-01T00:00:00.000Z', at: 'x', streamId: 's' },
    });
    expect(types('2026-01-26T00:00:00.000Z', reminded)).toEqual([]);
  });
});
