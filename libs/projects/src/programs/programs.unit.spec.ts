import { describe, expect, it } from '@jest/globals';
import { toMermaid, validateDefinition } from '#workflow';
import { educationWorkflowV1 } from './education.workflow.js';
import { educationWorkflowV2 } from './education.workflow.v2.js';
import { healthWorkflowV1 } from './health.workflow.js';
import { healthWorkflowV2 } from './health.workflow.v2.js';
import { programRegistry } from './program.registry.js';

describe('program definitions', () => {
  it('are valid, v2 the latest version of each program, v1 kept for the projects started on it', () => {
    for (const d of [educationWorkflowV1, healthWorkflowV1, educationWorkflowV2, healthWorkflowV2]) {
      expect(() => validateDefinition(d)).not.toThrow();
    }
    expect(programRegistry.programs()).toEqual(['education', 'health']);
    expect(programRegistry.latest('education')).toBe(educationWorkflowV2);
    expect(programRegistry.latest('health')).toBe(healthWorkflowV2);
    expect(programRegistry.get('education', 1)).toBe(educationWorkflowV1);
    expect(programRegistry.get('health', 1)).toBe(healthWorkflowV1);
  });

  it('use the lifecycle of the domain reference', () => {
    expect(educationWorkflowV1.states.map((s) => s.name)).toEqual([
      'intention',
      'drafting',
      'submitted',
      'under_analysis',
      'completion_requested',
      'validated',
      'rejected',
      'withdrawn',
      'financing',
      'closed',
    ]);
    expect(healthWorkflowV1.states.map((s) => s.name)).toContain('cts_review');
    expect(educationWorkflowV1.states.filter((s) => s.final).map((s) => s.name)).toEqual(['withdrawn', 'closed']);
  });

  it('withdraw leaves every non-final state', () => {
    for (const d of [educationWorkflowV1, healthWorkflowV1]) {
      const nonFinal = d.states.filter((s) => !s.final).map((s) => s.name);
      expect(d.transitions.find((t) => t.command === 'withdraw')!.from.sort()).toEqual(nonFinal.sort());
    }
  });

  it('print as Mermaid state diagrams', () => {
    const education = toMermaid(educationWorkflowV1);
    expect(education.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(education).toContain('  [*] --> intention\n');
    expect(education).toContain('  state "À compléter" as completion_requested\n');
    expect(education).toContain('  under_analysis --> completion_requested: request_completion (validator, motif, ⏱ completion)\n');
    expect(education).toContain('  completion_requested --> withdrawn: lapse (system, motif)\n');
    expect(education).toContain('  financing --> closed: close (finance|system) [final_report_submitted]\n');
    expect(education).toContain('  closed --> [*]\n');
    expect(education).not.toContain('cts_review');
    const health = toMermaid(healthWorkflowV1);
    expect(health).toContain('  cts_review --> cts_review: record_cts_opinion (validator, motif)\n');
    expect(health).toContain('  cts_review --> validated: validate (validator, motif) [cts_opinion_recorded]\n');
  });
});
