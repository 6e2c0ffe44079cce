import { v1ProjectDecider, v1Registry } from './project.fixture.js';
import { describe, expect, it } from '@jest/globals';
import { type Actor, DomainError } from '#kernel';
import { deciderSpecification } from '#testing';
import { ROLES } from '#workflow';
import type { ProjectCommand } from './project.commands.js';
import { TRANSITION_EVENTS } from './project.events.js';
import { commandFor, completeDossier, historyTo, otherHolder, outsiderOf, play, pathTo } from './project.fixture.js';
import { PROGRAMS, type Program } from './project.state.js';

const spec = deciderSpecification(v1ProjectDecider);

/** Extra steps some transitions need beyond reaching their from-state (their guards). */
function setup(program: Program, command: string, from: string) {
  const extra =
    command === 'close'
      ? [commandFor(program, 'submit_final_report')]
      : command === 'submit'
        ? [completeDossier()]
        : program === 'health' && (command === 'validate' || command === 'reject')
          ? [commandFor(program, 'record_cts_opinion')]
          : [];
  return play([...pathTo(program, from), ...extra]).events;
}

const errorOf = (program: Program, history: ReturnType<typeof historyTo>, command: ProjectCommand): DomainError => {
  try {
    v1ProjectDecider.decide(command, history.reduce(v1ProjectDecider.evolve, v1ProjectDecider.initialState()));
  } catch (e) {
    return e as DomainError;
  }
  throw new Error(`${program}: ${command.type} was accepted`);
};

describe.each(PROGRAMS)('%s workflow: every transition', (program) => {
  const definition = v1Registry.latest(program);
  const legal = definition.transitions.flatMap((t) => t.from.map((from) => [t.command, from, t.to] as const));

  it.each(legal)('%s from %s → %s is legal for its role', (command, from, to) => {
    spec
      .given(setup(program, command, from))
      .when(commandFor(program, command))
      .then((events) => {
        expect(events[0]).toMatchObject({ type: TRANSITION_EVENTS[command as keyof typeof TRANSITION_EVENTS], data: { from, to } });
      });
  });

  const illegal = definition.states.flatMap((s) =>
    [...new Set(definition.transitions.map((t) => t.command))]
      .filter((c) => !definition.transitions.some((t) => t.command === c && t.from.includes(s.name)))
      .map((c) => [c, s.name] as const),
  );

  it.each(illegal)('%s from %s is illegal: conflict', (command, from) => {
    spec
      .given(historyTo(program, from))
      .when(commandFor(program, command))
      .thenThrows('PROJECT_ILLEGAL_TRANSITION', { state: from, command });
  });

  const wrongRoles = definition.transitions.flatMap((t) =>
    ROLES.filter((r) => !t.roles.includes(r)).map((role) => [t.command, t.from[0]!, role] as const),
  );

  it.each(wrongRoles)('%s from %s by role %s: forbidden', (command, from, role) => {
    const who: Actor = { id: 'x', role, scope: { academies: ['12'], regions: ['44'] } };
    const e = errorOf(program, setup(program, command, from), commandFor(program, command, undefined, who));
    expect([e.category, e.code]).toEqual(['forbidden', 'PROJECT_ROLE_NOT_ALLOWED']);
  });

  const validatorOnly = definition.transitions.filter((t) => t.roles.includes('validator'));
  it.each(validatorOnly.map((t) => [t.command, t.from[0]!] as const))(
    '%s from %s by a validator of another territory: forbidden',
    (command, from) => {
      const e = errorOf(program, setup(program, command, from), commandFor(program, command, undefined, outsiderOf(program)));
      expect([e.category, e.code]).toEqual(['forbidden', 'PROJECT_OUT_OF_TERRITORY']);
    },
  );

  const holderOnly = definition.transitions.filter((t) => t.roles.includes('holder'));
  it.each(holderOnly.map((t) => [t.command, t.from[0]!] as const))('%s from %s by another holder: forbidden', (command, from) => {
    const e = errorOf(program, setup(program, command, from), commandFor(program, command, undefined, otherHolder));
    expect([e.category, e.code]).toEqual(['forbidden', 'PROJECT_NOT_OWNER']);
  });

  const reasoned = definition.transitions.filter((t) => t.reasonRequired);
  it('requires a reason for validate, reject, request_completion and reopen', () => {
    expect(reasoned.map((t) => t.command)).toEqual(expect.arrayContaining(['validate', 'reject', 'request_completion', 'reopen']));
  });

  it.each(reasoned.map((t) => [t.command, t.from[0]!] as const))('%s from %s without a reason: invalid, field reason', (command, from) => {
    for (const reason of [undefined, '', '   ']) {
      const cmd = { ...commandFor(program, command), reason } as ProjectCommand;
      spec
        .given(setup(program, command, from))
        .when(cmd)
        .thenThrows('PROJECT_REASON_REQUIRED', { field: 'reason', rule: 'required' });
    }
    expect(
      errorOf(program, setup(program, command, from), { ...commandFor(program, command), reason: undefined } as ProjectCommand).category,
    ).toBe('invalid');
  });

  it('refuses any command on a project that was never declared: not_found', () => {
    spec.given([]).when(commandFor(program, 'start_drafting')).thenThrows('PROJECT_NOT_FOUND');
  });
});
