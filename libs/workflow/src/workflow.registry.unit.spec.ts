import { describe, expect, it } from '@jest/globals';
import { WorkflowDefinitionError } from './validate-definition.js';
import { WorkflowRegistry } from './workflow.registry.js';
import { reviewDefinition } from './workflow.fixture.js';

const v2 = () => ({ ...reviewDefinition(), version: 2, title: 'Demande de relecture (v2)' });

describe('WorkflowRegistry', () => {
  it('keeps every version of a program; latest is the highest, get any', () => {
    const r = new WorkflowRegistry([v2(), reviewDefinition()]);
    expect(r.programs()).toEqual(['demo']);
    expect(r.versions('demo')).toEqual([1, 2]);
    expect(r.latest('demo').version).toBe(2);
    expect(r.get('demo', 1).title).toBe('Demande de relecture');
    expect(r.has('demo', 3)).toBe(false);
  });

  it('validates on registration', () => {
    const broken = { ...reviewDefinition(), states: reviewDefinition().states.map((s) => ({ ...s, initial: false })) };
    expect(() => new WorkflowRegistry([broken])).toThrow(WorkflowDefinitionError);
  });

  it('refuses a version registered twice and an unknown program or version', () => {
    const r = new WorkflowRegistry([reviewDefinition()]);
    expect(() => r.register(reviewDefinition())).toThrow(/already registered/);
    expect(() => r.latest('nope')).toThrow(/no workflow registered for program "nope"/);
    expect(() => r.get('demo', 7)).toThrow(/v7/);
  });
});
