import { describe, expect, it } from '@jest/globals';
import { type WorkflowDefinition, WorkflowRegistry } from '#workflow';
import type { ProjectCommand } from './project.commands.js';
import { createProjectDecider } from './project.decider.js';
import { availableActions } from './project.actions.js';
import { commandFor, eduValidator, pathTo, play } from './project.fixture.js';
import { educationWorkflowV1 } from './programs/education.workflow.js';

/** Version 2 gives 15 days (instead of 30) to complete a dossier sent back. */
const educationV2: WorkflowDefinition = {
  ...educationWorkflowV1,
  version: 2,
  deadlines: educationWorkflowV1.deadlines.map((d) => ({ ...d, durationDays: 15 })),
};

const withId = (commands: ProjectCommand[], projectId: string) => commands.map((c) => ({ ...c, projectId }) as ProjectCommand);

describe('definition versions', () => {
  it('a project keeps the version it started under; a new version applies to new projects only', () => {
    const registry = new WorkflowRegistry([educationWorkflowV1]);
    const decider = createProjectDecider(registry);
    const path = pathTo('education', 'under_analysis');
    const old = play(withId(path, 'old'), decider);
    registry.register(educationV2);
    const young = play(withId(path, 'new'), decider);

    expect(old.state).toMatchObject({ workflow: { definition: { id: 'cnr-education', version: 1 } } });
    expect(young.state).toMatchObject({ workflow: { definition: { id: 'cnr-education', version: 2 } } });

    const ask = (projectId: string) => ({ ...commandFor('education', 'request_completion'), projectId }) as ProjectCommand;
    const dueOf = (r: typeof old, projectId: string) =>
      (decider.decide(ask(projectId), r.state).find((e) => e.type === 'project.deadline_opened')!.data as { dueAt: string }).dueAt;
    // Asked on Monday 2 March 2026 in Meuse: lapses at the end of Wednesday 1 April (v1), of Tuesday 17 March (v2), Paris time.
    expect(dueOf(old, 'old')).toBe('2026-04-01T22:00:00.000Z');
    expect(dueOf(young, 'new')).toBe('2026-03-17T23:00:00.000Z');
    expect(availableActions(old.state, eduValidator, registry).map((a) => a.command)).toEqual(['request_completion', 'validate', 'reject']);
  });
});
