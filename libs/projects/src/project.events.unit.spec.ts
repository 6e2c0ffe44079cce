import { v1ProjectDecider, v1Registry } from './project.fixture.js';
import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpecification } from '#testing';
import { TRANSITION_EVENTS, isTransitionEvent } from './project.events.js';
import { commandFor, historyTo, play, pathTo } from './project.fixture.js';
import { V1_TRANSITIONED, typedFromV1Transition } from './project.upcasts.js';

const spec = deciderSpecification(v1ProjectDecider);

describe('typed project events', () => {
  it('every program definition declares, for each command, the event type TRANSITION_EVENTS names', () => {
    for (const program of v1Registry.programs()) {
      for (const version of v1Registry.versions(program)) {
        for (const t of v1Registry.get(program, version).transitions) {
          expect([t.command, t.event]).toEqual([t.command, TRANSITION_EVENTS[t.command as keyof typeof TRANSITION_EVENTS]]);
        }
      }
    }
  });

  it('a whole life is recorded as typed business facts, never a generic transition with a bag of inputs', () => {
    const { events } = play(pathTo('education', 'closed'));
    const types = events.map((e) => e.type);
    expect(types).not.toContain(V1_TRANSITIONED);
    expect(types).toEqual(
      expect.arrayContaining(['project.submitted', 'project.validated', 'project.financing_started', 'project.closed']),
    );
    for (const e of events.filter(isTransitionEvent)) expect(e.data).not.toHaveProperty('inputs');
    expect(events.find((e) => e.type === 'project.validated')!.data).toMatchObject({ grantedAmountCents: expect.any(Number) });
  });

  it('an event type this version does not know is kept in the state, and the project then refuses to decide', () => {
    const history = [...historyTo('education', 'under_analysis'), { type: 'project.signed_by_delegate', data: { delegationId: 'd-1' } }];
    const state = fold(v1ProjectDecider, history);
    expect(state).toMatchObject({ status: 'under_analysis', unrecognisedEvents: ['project.signed_by_delegate'] });
    spec
      .given(history)
      .when(commandFor('education', 'reject'))
      .thenThrows('PROJECT_UNKNOWN_EVENTS', { eventTypes: ['project.signed_by_delegate'] });
    spec
      .given(historyTo('education', 'under_analysis'))
      .when(commandFor('education', 'reject'))
      .then((events) => {
        expect(events[0]!.type).toBe('project.rejected');
      });
  });
});

describe('v1 logs: the generic project.transitioned is read as the typed event it stands for', () => {
  const by = { id: 'val-1', role: 'validator' as const };
  const at = '2023-10-02T09:00:00.000Z';

  it('moves the command to the type and the inputs beside the facts', () => {
    expect(
      typedFromV1Transition({
        command: 'validate',
        from: 'under_analysis',
        to: 'validated',
        reason: 'ok',
        inputs: { grantedAmountCents: 5 },
        by,
        at,
      }),
    ).toEqual({
      type: 'project.validated',
      data: { from: 'under_analysis', to: 'validated', reason: 'ok', grantedAmountCents: 5, by, at },
    });
    expect(typedFromV1Transition({ command: 'submit', from: 'drafting', to: 'submitted', by, at })).toEqual({
      type: 'project.submitted',
      data: { from: 'drafting', to: 'submitted', by, at },
    });
  });

  it('folds to the same state as the typed events today’s code writes', () => {
    const typed = historyTo('health', 'validated');
    const asV1 = typed.map((e) => {
      if (!isTransitionEvent(e)) return e;
      const { from, to, reason, by: who, at: when, ...inputs } = e.data as unknown as Record<string, unknown>;
      const command = Object.entries(TRANSITION_EVENTS).find(([, type]) => type === e.type)![0];
      return {
        type: V1_TRANSITIONED,
        data: { command, from, to, ...(reason ? { reason } : {}), ...(Object.keys(inputs).length ? { inputs } : {}), by: who, at: when },
      };
    });
    const upcast = asV1.map((e) => (e.type === V1_TRANSITIONED ? typedFromV1Transition(e.data as never) : e));
    expect(upcast).toEqual(typed);
    expect(fold(v1ProjectDecider, upcast)).toEqual(fold(v1ProjectDecider, typed));
  });

  it('an unknown v1 command becomes an unknown event type, so the project refuses to decide rather than guess', () => {
    expect(typedFromV1Transition({ command: 'archive', from: 'rejected', to: 'withdrawn', by, at }).type).toBe('project.v1_archive');
  });
});
