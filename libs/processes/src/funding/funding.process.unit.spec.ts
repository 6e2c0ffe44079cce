import { describe, expect, it } from '@jest/globals';
import { exerciseYearOf } from './funding.matching.js';
import { type LogEvent, fundingReaction } from './funding.process.js';
import { TRANSITION_EVENTS } from '#projects';

const P = '0b7e3a52-6f0e-4c43-9a0c-3f6f1b2a9d10';
const committed = (data: Record<string, unknown>): LogEvent => ({
  id: 'evt-committed',
  streamId: 'envelope-fip-academie-12-2023',
  type: 'envelope.committed',
  position: 42n,
  at: '2023-10-12T09:00:00.000Z',
  data: { commitmentRef: `AA-${P}-1`, projectId: P, amountCents: 1_200_000, ...data },
});

describe('the funding process moves no money', () => {
  it('an EJ recorded for an award act starts the project’s financing', () => {
    expect(fundingReaction(committed({ awardActId: `AA-${P}-1` }))).toEqual({
      kind: 'start_financing',
      triggerId: 'evt-committed',
      projectId: P,
      at: '2023-10-12T09:00:00.000Z',
      envelopeId: 'fip-academie-12-2023',
      commitmentRef: `AA-${P}-1`,
    });
  });

  it('a withdrawal is looked at (after payments it opens the review), never a recovery', () => {
    const event = { id: 'w', streamId: `project-${P}`, type: 'project.withdrawn', position: 1n, at: '2023-10-12T09:00:00.000Z', data: {} };
    expect(fundingReaction(event)).toMatchObject({ kind: 'withdrawn', projectId: P });
  });

  it('a signed decision or a final report triggers nothing (no commitment, no payment, no recovery)', () => {
    for (const command of ['validate', 'submit_final_report', 'start_financing'] as const) {
      const event = {
        id: 'e',
        streamId: `project-${P}`,
        type: TRANSITION_EVENTS[command],
        position: 1n,
        at: '2023-10-12T09:00:00.000Z',
        data: {},
      };
      expect(fundingReaction(event)).toBeUndefined();
    }
  });

  it('a commitment recorded before award acts (no act) is only recorded: it starts nothing', () => {
    expect(fundingReaction(committed({}))).toMatchObject({ kind: 'record', projectId: P, envelopeId: 'fip-academie-12-2023' });
  });

  it('counts the exercise in Paris time: 31 December 23:30 UTC is already the next year', () => {
    expect(exerciseYearOf('2023-12-31T23:30:00.000Z')).toBe(2024);
    expect(exerciseYearOf('2023-12-31T22:30:00.000Z')).toBe(2023);
  });
});
