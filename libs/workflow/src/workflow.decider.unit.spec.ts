import { describe, expect, it } from '@jest/globals';
import { type CommandContext, type DomainEvent, DomainError } from '#kernel';
import { workflowDecider } from './workflow.decider.js';
import { DEMO_CODES, actor, alice, reviewDefinition, reviewer, subject } from './workflow.fixture.js';

const types = { deadlineOpened: 'do', deadlineCancelled: 'dc', deadlineExpired: 'de', deadlineReminderDue: 'dr' };
const engine = workflowDecider(reviewDefinition(), { types, codes: DEMO_CODES });
const T0 = new Date('2026-01-10T09:00:00.000Z');
const ctx = (a = alice, now = T0): CommandContext => ({ actor: a, now });

function run(
  commands: [string, CommandContext, { reason?: string; inputs?: Record<string, unknown> }?][],
  fields?: Record<string, unknown>,
) {
  let instance = engine.start();
  const events: DomainEvent[] = [];
  for (const [command, c, extra] of commands) {
    const out = engine.decide({ command, ctx: c, ...extra }, instance, subject(fields));
    for (const e of out) instance = engine.evolve(instance, e);
    events.push(...out);
  }
  return { instance, events };
}

function errorOf(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('workflowDecider', () => {
  it('starts in the initial state, pinned to the definition version', () => {
    expect(engine.start()).toEqual({ definition: { id: 'review', version: 1 }, state: 'draft', deadlines: [], deadlinesOpened: 0 });
  });

  it('records who, when, from, to and the trimmed reason', () => {
    const { events } = run([
      ['send', ctx()],
      ['ask', ctx(reviewer), { reason: '  pourquoi ? ' }],
    ]);
    expect(events[1]).toEqual({
      type: 'dossier.question_asked',
      data: { from: 'sent', to: 'waiting', reason: 'pourquoi ?', by: { id: 'val', role: 'validator' }, at: T0.toISOString() },
    });
  });

  it('refuses a role the transition does not allow: forbidden', () => {
    const e = errorOf(() => run([['send', ctx(reviewer)]]));
    expect([e.category, e.code]).toEqual(['forbidden', 'DEMO_ROLE_NOT_ALLOWED']);
  });

  it('refuses a holder acting on a subject it does not own', () => {
    const e = errorOf(() => run([['send', ctx(actor('holder', 'bob'))]]));
    expect([e.category, e.code]).toEqual(['forbidden', 'DEMO_NOT_OWNER']);
  });

  it('refuses a validator outside the territory', () => {
    const e = errorOf(() =>
      run([
        ['send', ctx()],
        ['ask', ctx(actor('validator', 'v2', { academies: ['A99'] })), { reason: 'r' }],
      ]),
    );
    expect([e.category, e.code]).toEqual(['forbidden', 'DEMO_OUT_OF_TERRITORY']);
  });

  it('refuses a command illegal in the current state and lists the allowed ones', () => {
    const e = errorOf(() => run([['reply', ctx()]]));
    expect([e.category, e.code]).toEqual(['conflict', 'DEMO_ILLEGAL_TRANSITION']);
    expect(e.details).toEqual({ state: 'draft', command: 'reply', allowedActions: ['send', 'drop'] });
  });

  it('refuses an unknown command as invalid', () => {
    expect(errorOf(() => run([['fly', ctx()]])).code).toBe('DEMO_UNKNOWN_COMMAND');
  });

  it('requires the reason, the inputs, the fields and the guards', () => {
    expect(
      errorOf(() =>
        run([
          ['send', ctx()],
          ['ask', ctx(reviewer), { reason: ' ' }],
        ]),
      ).details,
    ).toEqual({ field: 'reason', rule: 'required', command: 'ask' });
    expect(
      errorOf(() =>
        run([
          ['send', ctx()],
          ['accept', ctx(reviewer), { reason: 'ok' }],
        ]),
      ).details,
    ).toMatchObject({ field: 'amount', rule: 'required' });
    expect(errorOf(() => run([['send', ctx()]], { title: '' })).details).toMatchObject({ field: 'title', rule: 'required' });
    const guard = errorOf(() =>
      run(
        [
          ['send', ctx()],
          ['accept', ctx(reviewer), { reason: 'ok', inputs: { amount: 5 } }],
        ],
        { title: 'T' },
      ),
    );
    expect([guard.category, guard.code, guard.details['guard']]).toEqual(['conflict', 'DEMO_GUARD_FAILED', 'has_budget']);
  });

  it('records the declared inputs as the typed event’s own values, and nothing else', () => {
    const { events, instance } = run([
      ['send', ctx()],
      ['accept', ctx(reviewer), { reason: 'ok', inputs: { amount: 5, junk: 1 } }],
    ]);
    expect(events[1]).toMatchObject({ type: 'dossier.accepted', data: { amount: 5 } });
    expect(events[1]!.data).not.toHaveProperty('junk');
    expect(events[1]!.data).not.toHaveProperty('inputs');
    expect(instance.state).toBe('accepted');
  });

  describe('deadlines', () => {
    const opened = () =>
      run([
        ['send', ctx()],
        ['ask', ctx(reviewer), { reason: 'précisez' }],
      ]);

    it('opens a deadline with a due date from the context clock', () => {
      const { events, instance } = opened();
      expect(events[2]).toEqual({
        type: 'do',
        data: {
          deadlineId: 'd1/reply/1',
          name: 'reply',
          subjectId: 'd1',
          openedAt: T0.toISOString(),
          dueAt: '2026-01-20T09:00:00.000Z',
          onExpiry: { command: 'time_out', reason: 'no reply' },
        },
      });
      expect(instance.deadlines).toHaveLength(1);
    });

    it('is cancelled by the transition that makes it moot', () => {
      const { instance } = opened();
      const out = engine.decide({ command: 'reply', ctx: ctx() }, instance, subject());
      expect(out.map((e) => e.type)).toEqual(['dossier.replied', 'dc']);
      expect(out[1]!.data).toMatchObject({ deadlineId: 'd1/reply/1', cancelledBy: 'reply' });
      expect(out.reduce(engine.evolve, instance).deadlines).toEqual([]);
    });

    it('expires once due: the expiry command runs with the deadline reason', () => {
      const { instance } = opened();
      const due = new Date('2026-01-20T09:00:00.000Z');
      const system = actor('system', 'scheduler');
      const out = engine.expire({ deadlineId: 'd1/reply/1', ctx: ctx(system, due) }, instance, subject());
      expect(out.map((e) => e.type)).toEqual(['de', 'dossier.timed_out']);
      expect(out[1]!.data).toMatchObject({ to: 'dropped', reason: 'no reply' });
      const after = out.reduce(engine.evolve, instance);
      expect(after.deadlines).toEqual([]);
      expect(engine.expire({ deadlineId: 'd1/reply/1', ctx: ctx(system, due) }, after, subject())).toEqual([]);
    });

    it('is cancelled when its expiry command is run directly', () => {
      const { instance } = opened();
      const out = engine.decide({ command: 'time_out', ctx: ctx(actor('system')), reason: 'manual' }, instance, subject());
      expect(out.map((e) => e.type)).toEqual(['dossier.timed_out', 'dc']);
      expect(out.reduce(engine.evolve, instance).deadlines).toEqual([]);
    });

    it('refuses to expire before the due time', () => {
      const { instance } = opened();
      const early = new Date('2026-01-20T08:59:59.999Z');
      expect(errorOf(() => engine.expire({ deadlineId: 'd1/reply/1', ctx: ctx(actor('system'), early) }, instance, subject())).code).toBe(
        'DEMO_DEADLINE_NOT_DUE',
      );
    });

    it('numbers successive deadlines of one subject', () => {
      const { instance } = run([
        ['send', ctx()],
        ['ask', ctx(reviewer), { reason: 'a' }],
        ['reply', ctx()],
        ['ask', ctx(reviewer), { reason: 'b' }],
      ]);
      expect(instance.deadlines.map((d) => d.deadlineId)).toEqual(['d1/reply/2']);
    });
  });

  it('lists what an actor may do now', () => {
    const { instance } = run([['send', ctx()]]);
    expect(engine.available(instance, subject(), reviewer).map((a) => a.command)).toEqual(['ask', 'accept']);
    expect(engine.available(instance, subject(), alice).map((a) => a.command)).toEqual(['drop']);
    expect(engine.available(instance, subject(), actor('holder', 'bob'))).toEqual([]);
    expect(engine.available(instance, subject({ title: 'T' }), reviewer).map((a) => a.command)).toEqual(['ask']);
  });
});
