import { describe, expect, it } from '@jest/globals';
import { type WorkflowFault, WorkflowDefinitionError, validateDefinition } from './validate-definition.js';
import type { WorkflowDefinition } from './workflow.definition.js';
import { reviewDefinition } from './workflow.fixture.js';

function faultOf(change: (d: WorkflowDefinition) => void): WorkflowDefinitionError {
  const d = reviewDefinition();
  change(d);
  try {
    validateDefinition(d);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowDefinitionError);
    return error as WorkflowDefinitionError;
  }
  throw new Error('expected a WorkflowDefinitionError');
}

describe('validateDefinition', () => {
  it('accepts a sound definition', () => {
    expect(() => validateDefinition(reviewDefinition())).not.toThrow();
  });

  it('names the definition, its version and the fault', () => {
    const e = faultOf((d) =>
      d.transitions.push({ command: 'x', event: 'dossier.xed', from: ['draft'], to: 'nowhere', roles: ['holder'], label: 'X' }),
    );
    expect(e.message).toBe('workflow definition "review" v1: unknown_state: transition "x" goes to unknown state "nowhere"');
    expect([e.definitionId, e.version, e.fault]).toEqual(['review', 1, 'unknown_state']);
  });

  const cases: [string, WorkflowFault, RegExp, (d: WorkflowDefinition) => void][] = [
    [
      'an unreachable state',
      'unreachable_state',
      /island/,
      (d) => {
        d.states.push({ name: 'island', label: 'Île', final: true });
      },
    ],
    [
      'a transition from an unknown state',
      'unknown_state',
      /leaves unknown state "ghost"/,
      (d) => {
        d.transitions[0]!.from.push('ghost');
      },
    ],
    [
      'a final state with exits',
      'final_state_with_exits',
      /final state "accepted" has exits: revive/,
      (d) => {
        d.transitions.push({
          command: 'revive',
          event: 'dossier.revived',
          from: ['accepted'],
          to: 'sent',
          roles: ['validator'],
          label: 'Relancer',
        });
      },
    ],
    [
      'no initial state',
      'initial_state_count',
      /found 0/,
      (d) => {
        d.states[0]!.initial = false;
      },
    ],
    [
      'two initial states',
      'initial_state_count',
      /found 2/,
      (d) => {
        d.states[1]!.initial = true;
      },
    ],
    [
      'a duplicate state',
      'duplicate_state',
      /"sent"/,
      (d) => {
        d.states.push({ name: 'sent', label: 'Encore' });
      },
    ],
    [
      'a non-final state without exit',
      'dead_end_state',
      /"waiting"/,
      (d) => {
        d.transitions = d.transitions.filter((t) => !t.from.includes('waiting') || t.command === 'drop');
        d.transitions.find((t) => t.command === 'drop')!.from = ['draft', 'sent'];
        d.deadlines = [];
        d.transitions.find((t) => t.command === 'ask')!.opensDeadline = undefined;
      },
    ],
    [
      'the same command twice from one state',
      'ambiguous_transition',
      /"send" is declared twice from "draft"/,
      (d) => {
        d.transitions.push({ command: 'send', event: 'dossier.sent', from: ['draft'], to: 'dropped', roles: ['holder'], label: 'Envoyer' });
      },
    ],
    [
      'a transition without a business event type',
      'invalid_event',
      /"send" has no event type/,
      (d) => {
        d.transitions[0]!.event = 'sent';
      },
    ],
    [
      'two commands recording one event type',
      'invalid_event',
      /one event type per command/,
      (d) => {
        d.transitions[1]!.event = d.transitions[0]!.event;
      },
    ],
    [
      'an input shadowing a fact every event records',
      'invalid_event',
      /input "at" shadows a fact/,
      (d) => {
        d.transitions[0]!.inputs = [{ name: 'at', label: 'Quand' }];
      },
    ],
    [
      'an unknown role',
      'unknown_role',
      /"king"/,
      (d) => {
        (d.transitions[0]!.roles as string[]).push('king');
      },
    ],
    [
      'a missing French label',
      'missing_label',
      /state "sent"/,
      (d) => {
        d.states[1]!.label = ' ';
      },
    ],
    [
      'a transition opening an unknown deadline',
      'unknown_deadline',
      /"send" opens unknown deadline "soon"/,
      (d) => {
        d.transitions[0]!.opensDeadline = 'soon';
      },
    ],
    [
      'a deadline whose expiry command is unknown',
      'invalid_deadline',
      /"vanish" is not a transition/,
      (d) => {
        d.deadlines[0]!.onExpiry.command = 'vanish';
      },
    ],
    [
      'a deadline of zero days',
      'invalid_deadline',
      /durationDays/,
      (d) => {
        d.deadlines[0]!.durationDays = 0;
      },
    ],
    [
      'a reminder that would come before the deadline opens',
      'invalid_deadline',
      /reminderDaysBefore/,
      (d) => {
        d.deadlines[0]!.reminderDaysBefore = 10;
      },
    ],
    [
      'a reminder of zero days',
      'invalid_deadline',
      /reminderDaysBefore/,
      (d) => {
        d.deadlines[0]!.reminderDaysBefore = 0;
      },
    ],
    [
      'a suspension that is not a boolean',
      'invalid_deadline',
      /suspendDuringSchoolHolidays/,
      (d) => {
        (d.deadlines[0] as { suspendDuringSchoolHolidays?: unknown }).suspendDuringSchoolHolidays = 'yes';
      },
    ],
    [
      'a deadline left open by a transition leaving its state',
      'deadline_outlives_state',
      /"reply" leaves "waiting" without cancelling/,
      (d) => {
        d.deadlines[0]!.cancelledBy = ['drop'];
      },
    ],
    [
      'a bad version',
      'invalid_identity',
      /version/,
      (d) => {
        d.version = 0;
      },
    ],
  ];

  it.each(cases)('rejects %s', (_what, fault, message, change) => {
    const e = faultOf(change);
    expect(e.fault).toBe(fault);
    expect(e.message).toMatch(message);
    expect(e.message).toContain('"review" v');
  });
});
