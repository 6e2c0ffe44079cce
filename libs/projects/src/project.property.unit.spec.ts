import { v1ProjectDecider, v1Registry } from './project.fixture.js';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type DomainEvent, DomainError, fold } from '#kernel';
import { availableActions } from './project.actions.js';
import type { ProjectCommand } from './project.commands.js';
import {
  PID,
  arsValidator,
  auditor,
  commandFor,
  completeDossier,
  ctsValidator,
  ctx,
  day,
  declare,
  eduOutsider,
  eduValidator,
  finance,
  otherHolder,
  owner,
  system,
} from './project.fixture.js';
import { PROGRAMS, type Program, type ProjectState } from './project.state.js';

const ACTORS = [owner, otherHolder, eduValidator, eduOutsider, arsValidator, ctsValidator, finance, system, auditor];
const COMMANDS = [...new Set(PROGRAMS.flatMap((p) => v1Registry.latest(p).transitions.map((t) => t.command)))];

/** '*' picks one of the actions some actor may run now (so sequences go deep); others are anything, by anyone. */
const step = fc.record({
  kind: fc.oneof(
    { weight: 3, arbitrary: fc.constant('*') },
    { weight: 2, arbitrary: fc.constantFrom(...COMMANDS, 'declare_intention', 'edit_content', 'expire_deadline') },
  ),
  pick: fc.noBias(fc.nat(10_000)),
  actor: fc.integer({ min: 0, max: ACTORS.length - 1 }),
  advanceDays: fc.integer({ min: 0, max: 40 }),
  withReason: fc.boolean(),
  amount: fc.integer({ min: 0, max: 2_000_000 }),
});

type Step = { kind: string; pick: number; actor: number; advanceDays: number; withReason: boolean; amount: number };

function toCommand(program: Program, s: Step, now: Date, state: ProjectState): ProjectCommand {
  if (s.kind === '*') {
    const choices = state.exists
      ? ACTORS.flatMap((a, i) => availableActions(state, a).map((x) => ({ ...s, kind: x.command, actor: i, withReason: true })))
      : [{ ...s, kind: 'declare_intention', actor: 0 }];
    const choice = choices[s.pick % Math.max(1, choices.length)] ?? { ...s, kind: 'expire_deadline' };
    return toCommand(program, choice, now, state);
  }
  const who = ACTORS[s.actor]!;
  if (s.kind === 'declare_intention') return { ...declare(program, now), ctx: ctx(who, now) } as ProjectCommand;
  if (s.kind === 'edit_content') return { ...completeDossier(now), ctx: ctx(who, now) } as ProjectCommand;
  if (s.kind === 'expire_deadline') {
    const open = state.exists ? state.workflow.deadlines[0]?.deadlineId : undefined;
    return { type: 'expire_deadline', projectId: PID, deadlineId: open ?? `${PID}/completion/9`, ctx: ctx(who, now) };
  }
  const c = commandFor(program, s.kind, now, who) as ProjectCommand & { reason?: string; grantedAmountCents?: number };
  return {
    ...c,
    ...(s.kind === 'validate' ? { grantedAmountCents: s.amount } : {}),
    ...(s.withReason ? {} : { reason: undefined }),
  } as ProjectCommand;
}

function run(program: Program, steps: Step[]) {
  let state = v1ProjectDecider.initialState();
  const events: DomainEvent[] = [];
  const states: ProjectState[] = [];
  let elapsed = 0;
  for (const s of steps) {
    elapsed += s.advanceDays;
    try {
      const out = v1ProjectDecider.decide(toCommand(program, s, day(elapsed), state), state);
      for (const e of out) state = v1ProjectDecider.evolve(state, e);
      events.push(...out);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
    states.push(state);
  }
  return { state, events, states };
}

describe('project decider properties (fast-check)', () => {
  it('random command sequences never leave the definition’s states', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROGRAMS), fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }), (program, steps) => {
        const names = v1Registry.latest(program).states.map((s) => s.name);
        for (const s of run(program, steps).states) {
          if (!s.exists) continue;
          expect(names).toContain(s.status);
          expect(s.workflow.state).toBe(s.status);
          if (s.workflow.deadlines.length > 0) expect(s.status).toBe('completion_requested');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('folding the same events always gives the same state, also after a trip through JSON (the store)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROGRAMS), fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }), (program, steps) => {
        const { state, events } = run(program, steps);
        const stored = JSON.parse(JSON.stringify(events)) as DomainEvent[];
        expect(fold(v1ProjectDecider, events)).toEqual(state);
        expect(fold(v1ProjectDecider, stored)).toEqual(fold(v1ProjectDecider, stored));
        expect(fold(v1ProjectDecider, stored)).toEqual(state);
      }),
      { numRuns: 150 },
    );
  });

  it('reaches deep states often enough to mean something', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...PROGRAMS), fc.array(step, { minLength: 20, maxLength: 80, size: 'max' }), (program, steps) => {
        for (const s of run(program, steps).states) if (s.exists) reached.add(s.status);
      }),
      { numRuns: 300, seed: 42 },
    );
    for (const state of [
      'drafting',
      'under_analysis',
      'completion_requested',
      'cts_review',
      'validated',
      'rejected',
      'financing',
      'closed',
      'withdrawn',
    ]) {
      expect(reached).toContain(state);
    }
  });
});
